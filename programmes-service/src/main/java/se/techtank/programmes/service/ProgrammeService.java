package se.techtank.programmes.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.problem.StaleVersionException;
import se.techtank.platform.security.Caller;
import se.techtank.programmes.domain.DuplicateProgrammeCodeException;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.IntakeDetails;
import se.techtank.programmes.domain.IntakeRepository;
import se.techtank.programmes.domain.IntakeStatus;
import se.techtank.programmes.domain.PartnerRepository;
import se.techtank.programmes.domain.Programme;
import se.techtank.programmes.domain.ProgrammeDetails;
import se.techtank.programmes.domain.ProgrammeRepository;
import se.techtank.programmes.domain.ProgrammeStatus;
import se.techtank.programmes.messaging.out.ProgrammeEventPublisher;
import se.techtank.programmes.query.ProgrammeCatalogue;
import se.techtank.programmes.query.ProgrammeFilter;
import se.techtank.programmes.query.ProgrammeReport;

/**
 * Programmes and their intakes: staff plan and publish them; anyone reads the published ones. Each command
 * runs in one transaction with its events in the outbox; drafts are not announced.
 */
@ApplicationScoped
public class ProgrammeService {

    private final ProgrammeRepository programmes;
    private final IntakeRepository intakes;
    private final PartnerRepository partners;
    private final ProgrammeEventPublisher events;
    private final ProgrammeCatalogue catalogue;
    private final ProgrammeReport reports;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    ProgrammeService(
            ProgrammeRepository programmes,
            IntakeRepository intakes,
            PartnerRepository partners,
            ProgrammeEventPublisher events,
            ProgrammeCatalogue catalogue,
            ProgrammeReport reports,
            Caller caller) {
        this.programmes = programmes;
        this.intakes = intakes;
        this.partners = partners;
        this.events = events;
        this.catalogue = catalogue;
        this.reports = reports;
        this.caller = caller;
    }

    @Transactional
    public Programme create(String code, ProgrammeDetails details) {
        checkOwner(details.owner());
        if (programmes.existsByCode(code)) {
            throw new DuplicateProgrammeCodeException(code);
        }
        Programme programme = Programme.draft(code, details, now());
        try {
            programmes.persistAndFlush(programme);
        } catch (PersistenceException e) {
            if (ApplicationService.violates(e, "programme_code")) {
                throw new DuplicateProgrammeCodeException(code); // two at once: the unique index decides
            }
            throw e;
        }
        return programme;
    }

    /**
     * A page of the catalogue as JSON, as {@code representation} shows it (see {@link
     * ProgrammeCatalogue#json}): published programmes for everyone; staff may list other states. Without a
     * transaction of its own, so that a page rendered in the same snapshot can be given back (ADR 0010).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public byte[] catalogue(
            ProgrammeFilter filter, PageRequest page, Function<Page<ProgrammeCatalogue.Listed>, ?> representation) {
        ProgrammeFilter visible =
                caller.isStaff() ? filter : filter.withStatuses(java.util.EnumSet.of(ProgrammeStatus.PUBLISHED));
        return catalogue.json(visible, page, representation);
    }

    /** The programme's report (staff): per application the company, status and hours; totals. */
    @Transactional
    public ProgrammeReport.Report report(UUID id) {
        programmes.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Programme", id));
        return reports.of(id);
    }

    /** A programme the caller may see: a published or archived one, or any for staff. */
    @Transactional
    public Programme get(UUID id) {
        return programmes
                .findByIdOptional(id)
                .filter(this::maySee)
                .orElseThrow(() -> new NotFoundException("Programme", id));
    }

    @Transactional
    public List<Intake> intakesOf(UUID programmeId) {
        return intakes.ofProgramme(programmeId);
    }

    @Transactional
    public Programme change(UUID id, ProgrammeDetails details, long expectedVersion) {
        Programme programme = forUpdate(id);
        if (programme.version() != expectedVersion) {
            throw new StaleVersionException("Programme", id);
        }
        checkOwner(details.owner());
        programme.change(details, now());
        programmes.flush();
        if (programme.status() == ProgrammeStatus.PUBLISHED) {
            events.updated(programme);
        }
        return programme;
    }

    @Transactional
    public Programme publish(UUID id) {
        Programme programme = forUpdate(id);
        programme.publish(now());
        programmes.flush();
        events.published(programme);
        return programme;
    }

    @Transactional
    public Programme archive(UUID id) {
        Programme programme = forUpdate(id);
        boolean announced = programme.status() == ProgrammeStatus.PUBLISHED;
        programme.archive(now());
        List<Intake> closed = new java.util.ArrayList<>();
        for (Intake intake : intakes.ofProgramme(id)) {
            if (intake.status() == IntakeStatus.OPEN) {
                intake.close(now());
                closed.add(intake);
            }
        }
        programmes.flush();
        if (announced) {
            // Each closed intake as its own fact, as the window job closes them, then the archiving.
            for (Intake intake : closed) {
                events.intakeClosed(programme, intake);
            }
            events.archived(programme);
        }
        return programme;
    }

    @Transactional
    public Intake planIntake(UUID programmeId, IntakeDetails details) {
        Programme programme = forUpdate(programmeId);
        if (programme.status() == ProgrammeStatus.ARCHIVED) {
            throw new se.techtank.programmes.domain.IllegalProgrammeTransitionException(
                    "plan an intake of", programme.status());
        }
        checkPartners(details.operatingPartners());
        Intake intake = Intake.plan(programmeId, details, now());
        intakes.persistAndFlush(intake);
        if (programme.status() == ProgrammeStatus.PUBLISHED) {
            events.updated(programme);
        }
        return intake;
    }

    /** An intake the caller may see: one of a programme it may see. */
    @Transactional
    public Intake intake(UUID id) {
        Intake intake = intakes.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Intake", id));
        get(intake.programmeId());
        return intake;
    }

    @Transactional
    public Intake changeIntake(UUID id, IntakeDetails details, long expectedVersion) {
        Intake intake = intakes.findForUpdate(id).orElseThrow(() -> new NotFoundException("Intake", id));
        if (intake.version() != expectedVersion) {
            throw new StaleVersionException("Intake", id);
        }
        checkPartners(details.operatingPartners());
        // Seats as the database counts them now: approvals update the row past the entity.
        intakes.getEntityManager().refresh(intake);
        intake.change(details, now());
        intakes.flush();
        Programme programme = programmes.findById(intake.programmeId());
        if (programme.status() == ProgrammeStatus.PUBLISHED) {
            events.updated(programme);
        }
        return intake;
    }

    @Transactional
    public Intake openIntake(UUID id) {
        Intake intake = intakes.findForUpdate(id).orElseThrow(() -> new NotFoundException("Intake", id));
        Programme programme = programmes.findById(intake.programmeId());
        if (programme.status() != ProgrammeStatus.PUBLISHED) {
            throw new se.techtank.programmes.domain.IllegalProgrammeTransitionException(
                    "open an intake of", programme.status());
        }
        intake.open(now());
        intakes.flush();
        events.intakeOpened(programme, intake);
        return intake;
    }

    @Transactional
    public Intake closeIntake(UUID id) {
        Intake intake = intakes.findForUpdate(id).orElseThrow(() -> new NotFoundException("Intake", id));
        intake.close(now());
        intakes.flush();
        events.intakeClosed(programmes.findById(intake.programmeId()), intake);
        return intake;
    }

    private Programme forUpdate(UUID id) {
        return programmes.findForUpdate(id).orElseThrow(() -> new NotFoundException("Programme", id));
    }

    private boolean maySee(Programme programme) {
        return programme.status() != ProgrammeStatus.DRAFT || caller.isStaff();
    }

    private void checkOwner(String owner) {
        if (!Programme.IUC_SVERIGE.equals(owner)
                && partners.findByIdOptional(owner).isEmpty()) {
            throw new RuleViolationException("owner", "must be IUC_SVERIGE or the id of a partner");
        }
    }

    private void checkPartners(List<String> partnerIds) {
        for (String id : partnerIds) {
            if (partners.findByIdOptional(id).isEmpty()) {
                throw new RuleViolationException("operatingPartners", "unknown partner " + id);
            }
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
