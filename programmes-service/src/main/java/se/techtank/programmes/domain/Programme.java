package se.techtank.programmes.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import se.techtank.kernel.FocusArea;
import se.techtank.kernel.LocalizedText;

/**
 * A national or regional programme companies apply to through its intakes (Robotlyftet, Kickstart
 * Hållbarhet, …). Lifecycle {@code DRAFT → PUBLISHED → ARCHIVED}; only published programmes are in the
 * public catalogue and take applications.
 */
@Entity
@Table(name = "programme")
public class Programme {

    /** The owner of a national programme. */
    public static final String IUC_SVERIGE = "IUC_SVERIGE";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String code;

    @Column(name = "name_sv", nullable = false)
    private String nameSv;

    @Column(name = "name_en")
    private String nameEn;

    @Column(name = "description_sv", nullable = false)
    private String descriptionSv;

    @Column(name = "description_en")
    private String descriptionEn;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false)
    private String[] funders;

    @Column(name = "focus_areas", nullable = false)
    private String[] focusAreas;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private EligibilityRules eligibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProgrammeStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Version
    private long version;

    protected Programme() {}

    public static Programme draft(String code, ProgrammeDetails details, Instant now) {
        Programme programme = new Programme();
        programme.id = UUID.randomUUID();
        programme.code = code;
        programme.status = ProgrammeStatus.DRAFT;
        programme.createdAt = now;
        programme.change(details, now);
        return programme;
    }

    /** Replaces the details; an archived programme is not changed. */
    public void change(ProgrammeDetails details, Instant now) {
        if (status == ProgrammeStatus.ARCHIVED) {
            throw new IllegalProgrammeTransitionException("change", status);
        }
        this.nameSv = details.name().sv();
        this.nameEn = details.name().en();
        this.descriptionSv = details.description().sv();
        this.descriptionEn = details.description().en();
        this.owner = details.owner();
        this.funders =
                details.funders().stream().map(Enum::name).distinct().sorted().toArray(String[]::new);
        this.focusAreas = details.focusAreas().stream()
                .map(Enum::name)
                .distinct()
                .sorted()
                .toArray(String[]::new);
        this.eligibility = details.eligibility();
        this.modifiedAt = now;
    }

    public void publish(Instant now) {
        if (status != ProgrammeStatus.DRAFT) {
            throw new IllegalProgrammeTransitionException("publish", status);
        }
        status = ProgrammeStatus.PUBLISHED;
        modifiedAt = now;
    }

    public void archive(Instant now) {
        if (status == ProgrammeStatus.ARCHIVED) {
            throw new IllegalProgrammeTransitionException("archive", status);
        }
        status = ProgrammeStatus.ARCHIVED;
        modifiedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public LocalizedText name() {
        return new LocalizedText(nameSv, nameEn);
    }

    public LocalizedText description() {
        return new LocalizedText(descriptionSv, descriptionEn);
    }

    public String owner() {
        return owner;
    }

    public List<Funder> funders() {
        return Arrays.stream(funders).map(Funder::valueOf).toList();
    }

    public List<FocusArea> focusAreas() {
        return Arrays.stream(focusAreas).map(FocusArea::valueOf).toList();
    }

    public EligibilityRules eligibility() {
        return eligibility == null ? EligibilityRules.none() : eligibility;
    }

    public ProgrammeStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public long version() {
        return version;
    }
}
