package se.techtank.programmes.messaging.out;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.platform.outbox.Outbox;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.IntakeRepository;
import se.techtank.programmes.domain.Programme;

/**
 * Records the facts about programmes in the outbox, for topic {@code programmes.programme.v1} (key: the
 * programme's id). Drafts are not announced: the first event of a programme is {@code published}.
 */
@ApplicationScoped
public class ProgrammeEventPublisher {

    static final String AGGREGATE = "programme";

    private final Outbox outbox;
    private final IntakeRepository intakes;

    ProgrammeEventPublisher(Outbox outbox, IntakeRepository intakes) {
        this.outbox = outbox;
        this.intakes = intakes;
    }

    public void published(Programme programme) {
        record(programme, "published", null);
    }

    /** Anything of a published programme changed, or one of its intakes (planned, changed, completed). */
    public void updated(Programme programme) {
        record(programme, "updated", null);
    }

    public void archived(Programme programme) {
        record(programme, "archived", null);
    }

    public void intakeOpened(Programme programme, Intake intake) {
        record(programme, "intake-opened", intake.id());
    }

    public void intakeClosed(Programme programme, Intake intake) {
        record(programme, "intake-closed", intake.id());
    }

    private void record(Programme programme, String fact, UUID intakeId) {
        // Seats as the database counts them: approvals update the row past the entity.
        List<ProgrammeState.IntakeState> states = intakes.ofProgramme(programme.id()).stream()
                .map(intake -> ProgrammeState.IntakeState.of(intake, intakes.seatsTaken(intake.id())))
                .toList();
        outbox.record(
                AGGREGATE,
                programme.id(),
                fact,
                new ProgrammeState(
                        programme.id(),
                        programme.code(),
                        programme.name(),
                        programme.description(),
                        programme.owner(),
                        programme.funders().stream().map(Enum::name).toList(),
                        programme.focusAreas().stream().map(Enum::name).toList(),
                        programme.eligibility(),
                        programme.status().name(),
                        states,
                        intakeId,
                        programme.modifiedAt()));
    }
}
