package se.techtank.programmes.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.IntakeStatus;

/** An intake (omgång); times in Stockholm local time with the day's offset. */
@Schema(name = "Intake")
record IntakeResponse(
        UUID id,
        UUID programmeId,
        String name,
        List<String> operatingPartners,
        List<String> counties,
        OffsetDateTime applicationOpens,
        OffsetDateTime applicationCloses,
        LocalDate startsOn,
        LocalDate endsOn,
        int seats,
        int seatsTaken,
        int seatsLeft,
        IntakeStatus status,
        OffsetDateTime modifiedAt) {

    static IntakeResponse of(Intake intake) {
        return new IntakeResponse(
                intake.id(),
                intake.programmeId(),
                intake.name(),
                intake.operatingPartners(),
                intake.counties(),
                Texts.stockholm(intake.applicationOpensAt()),
                Texts.stockholm(intake.applicationClosesAt()),
                intake.startsOn(),
                intake.endsOn(),
                intake.seats(),
                intake.seatsTaken(),
                Math.max(0, intake.seats() - intake.seatsTaken()),
                intake.status(),
                Texts.stockholm(intake.modifiedAt()));
    }
}
