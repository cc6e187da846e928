package se.techtank.programmes.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What staff write of an intake. */
public record IntakeDetails(
        String name,
        List<String> operatingPartners,
        List<String> counties,
        Instant applicationOpensAt,
        Instant applicationClosesAt,
        LocalDate startsOn,
        LocalDate endsOn,
        int seats) {

    public IntakeDetails {
        operatingPartners = operatingPartners == null ? List.of() : List.copyOf(operatingPartners);
        counties = counties == null ? List.of() : List.copyOf(counties);
    }
}
