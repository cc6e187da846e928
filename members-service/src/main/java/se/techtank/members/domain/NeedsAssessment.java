package se.techtank.members.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import se.techtank.kernel.FocusArea;

/**
 * A needs assessment (behovsanalys) of a company: for some focus areas a priority 1–5 and a note, on a
 * date, by staff or by the company itself (a self-assessment). Assessments are history; the company's
 * current needs are the latest priority per area.
 */
@Entity
@Table(name = "needs_assessment")
public class NeedsAssessment {

    /** One focus area's priority and note in an assessment. */
    @Embeddable
    public record Item(
            @Enumerated(EnumType.STRING) @Column(name = "focus_area", nullable = false)
            FocusArea focusArea,

            @Column(nullable = false) int priority,
            String note) {

        public Item {
            if (priority < 1 || priority > 5) {
                throw new IllegalArgumentException("Priority is 1-5, not " + priority);
            }
        }
    }

    @Id
    private UUID id;

    @Column(name = "company_id", nullable = false)
    private UUID companyId;

    @Column(name = "assessed_on", nullable = false)
    private LocalDate assessedOn;

    @Column(name = "assessed_by", nullable = false)
    private String assessedBy;

    @Column(name = "self_assessment", nullable = false)
    private boolean selfAssessment;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "needs_assessment_item", joinColumns = @JoinColumn(name = "assessment_id"))
    private List<Item> items = new ArrayList<>();

    protected NeedsAssessment() {}

    public NeedsAssessment(
            UUID companyId,
            LocalDate assessedOn,
            String assessedBy,
            boolean selfAssessment,
            List<Item> items,
            OffsetDateTime createdAt) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("An assessment names at least one focus area");
        }
        if (items.stream().map(Item::focusArea).distinct().count() != items.size()) {
            throw new IllegalArgumentException("Each focus area at most once per assessment");
        }
        this.id = UUID.randomUUID();
        this.companyId = companyId;
        this.assessedOn = assessedOn;
        this.assessedBy = assessedBy;
        this.selfAssessment = selfAssessment;
        this.items = new ArrayList<>(items);
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    public LocalDate assessedOn() {
        return assessedOn;
    }

    public String assessedBy() {
        return assessedBy;
    }

    public boolean selfAssessment() {
        return selfAssessment;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }
}
