package se.techtank.programmes.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.ValidCountyCode;
import se.techtank.programmes.domain.IntakeDetails;

/** An intake as staff write it. */
@Schema(name = "IntakeRequest", examples = """
                {"name": "Hösten 2026", "operatingPartners": ["techtank"], "counties": ["10"],
                 "applicationOpens": "2026-09-01T08:00:00+02:00", "applicationCloses": "2026-10-31T23:59:00+01:00",
                 "startsOn": "2026-11-15", "endsOn": "2027-06-30", "seats": 12}""")
record IntakeRequest(
        @Schema(examples = "Hösten 2026", required = true) @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Ids of the partners that run it", examples = "[\"techtank\"]") @Size(max = 21)
        List<@NotBlank String> operatingPartners,

        @Schema(description = "County codes it serves; none: the programme's rules decide", examples = "[\"10\"]")
        @Size(max = 21)
        List<@NotNull @ValidCountyCode String> counties,

        @Schema(description = "When applications open (ISO 8601 with offset)", required = true) @NotNull
        OffsetDateTime applicationOpens,

        @Schema(description = "When applications close (ISO 8601 with offset)", required = true) @NotNull
        OffsetDateTime applicationCloses,

        @Schema(required = true) @NotNull LocalDate startsOn,
        @Schema(required = true) @NotNull LocalDate endsOn,

        @Schema(description = "Companies it takes", examples = "12", required = true) @NotNull @Min(1) @Max(10000)
        Integer seats) {

    IntakeDetails toDetails() {
        return new IntakeDetails(
                name,
                operatingPartners,
                counties,
                applicationOpens.toInstant(),
                applicationCloses.toInstant(),
                startsOn,
                endsOn,
                seats);
    }
}
