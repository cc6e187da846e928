package se.techtank.programmes.messaging.out;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.techtank.kernel.LocalizedText;
import se.techtank.programmes.domain.EligibilityRules;
import se.techtank.programmes.domain.Intake;

/**
 * The payload of every event on {@code programmes.programme.v1}: the programme with its intakes (schema
 * {@code contracts/programmes/programme.v1.json}). Intake facts ({@code intake-opened}, {@code
 * intake-closed}) also name the intake in {@code intakeId}.
 */
public record ProgrammeState(
        UUID programmeId,
        String code,
        LocalizedText name,
        LocalizedText description,
        String owner,
        List<String> funders,
        List<String> focusAreas,
        EligibilityRules eligibility,
        String status,
        List<IntakeState> intakes,
        UUID intakeId,
        Instant modifiedAt) {

    /** An intake as the programme's events carry it. */
    public record IntakeState(
            UUID intakeId,
            String name,
            List<String> operatingPartners,
            List<String> counties,
            Instant applicationOpensAt,
            Instant applicationClosesAt,
            LocalDate startsOn,
            LocalDate endsOn,
            int seats,
            int seatsTaken,
            String status) {

        static IntakeState of(Intake intake, int seatsTaken) {
            return new IntakeState(
                    intake.id(),
                    intake.name(),
                    intake.operatingPartners(),
                    intake.counties(),
                    intake.applicationOpensAt(),
                    intake.applicationClosesAt(),
                    intake.startsOn(),
                    intake.endsOn(),
                    intake.seats(),
                    seatsTaken,
                    intake.status().name());
        }
    }
}
