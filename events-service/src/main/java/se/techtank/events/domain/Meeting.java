package se.techtank.events.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * A meeting: a branschträff, conference, workshop, webinar or networking event (called {@code Meeting}
 * in code so that "event" stays free for Kafka). Its seat counters ({@code confirmed_count},
 * {@code waitlist_length}) are changed only by {@link SeatRepository}'s conditional updates, never
 * through this entity, and a check constraint keeps the confirmed count within the capacity.
 */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MeetingStatus status;

    @Column(name = "title_sv", nullable = false)
    private String titleSv;

    @Column(name = "title_en")
    private String titleEn;

    @Column(name = "description_sv", nullable = false)
    private String descriptionSv;

    @Column(name = "description_en")
    private String descriptionEn;

    @Column(name = "municipality_code", nullable = false)
    private String municipalityCode;

    private String series;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "co_organisers", nullable = false)
    private List<CoOrganiser> coOrganisers;

    @Column(name = "venue_name")
    private String venueName;

    @Column(name = "venue_address")
    private String venueAddress;

    @Column(name = "online_link")
    private String onlineLink;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "max_per_company")
    private Integer maxPerCompany;

    @Column(name = "registration_opens_at")
    private Instant registrationOpensAt;

    @Column(name = "registration_closes_at", nullable = false)
    private Instant registrationClosesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Audience audience;

    @Column(name = "approval_required", nullable = false)
    private boolean approvalRequired;

    @Column(name = "focus_areas", nullable = false)
    private String[] focusAreas;

    @Column(name = "confirmed_count", insertable = false, updatable = false)
    private int confirmedCount;

    @Column(name = "waitlist_length", insertable = false, updatable = false)
    private int waitlistLength;

    @Column(nullable = false)
    private int sequence;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Version
    private long version;

    protected Meeting() {}

    /** A new meeting in {@code DRAFT}. */
    public static Meeting plan(MeetingDetails details, Instant now) {
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID();
        meeting.status = MeetingStatus.DRAFT;
        meeting.take(details);
        meeting.createdAt = now;
        meeting.modifiedAt = now;
        return meeting;
    }

    /** What an edit amounted to. */
    public enum Change {
        NONE,
        UPDATED,
        /** A published meeting's time or place changed: attendees must be told. */
        RESCHEDULED
    }

    /**
     * Replaces the planned details. The capacity must still hold everyone confirmed (checked by the
     * caller under the meeting's lock, and by the database).
     *
     * @throws MeetingNotEditableException when completed or cancelled
     */
    public Change edit(MeetingDetails details, Instant now) {
        if (status == MeetingStatus.COMPLETED || status == MeetingStatus.CANCELLED) {
            throw new MeetingNotEditableException(id, status);
        }
        MeetingDetails before = details();
        if (before.equals(details)) {
            return Change.NONE;
        }
        if (details.capacity() < confirmedCount) {
            throw new CapacityBelowConfirmedException(details.capacity(), confirmedCount);
        }
        take(details);
        modifiedAt = now;
        if (status == MeetingStatus.PUBLISHED && details.reschedules(before)) {
            sequence++;
            return Change.RESCHEDULED;
        }
        return Change.UPDATED;
    }

    public void publish(Instant now) {
        transition("publish", EnumSet.of(MeetingStatus.DRAFT), MeetingStatus.PUBLISHED, now);
    }

    public void cancel(String reason, Instant now) {
        transition("cancel", EnumSet.of(MeetingStatus.DRAFT, MeetingStatus.PUBLISHED), MeetingStatus.CANCELLED, now);
        cancellationReason = reason;
        sequence++;
    }

    /** @throws MeetingNotStartedException before the meeting has started */
    public void complete(Instant now) {
        if (status == MeetingStatus.PUBLISHED && now.isBefore(startsAt)) {
            throw new MeetingNotStartedException(this);
        }
        transition("complete", EnumSet.of(MeetingStatus.PUBLISHED), MeetingStatus.COMPLETED, now);
    }

    private void transition(String action, Set<MeetingStatus> from, MeetingStatus to, Instant now) {
        if (!from.contains(status)) {
            throw new IllegalMeetingTransitionException(action, status);
        }
        status = to;
        modifiedAt = now;
    }

    /**
     * Whether someone may register now.
     *
     * @throws RegistrationClosedException when it is not open, with the reason
     */
    public void checkOpenForRegistration(Instant now) {
        switch (status) {
            case DRAFT, CANCELLED, COMPLETED -> throw RegistrationClosedException.meeting(this);
            case PUBLISHED -> {
                if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
                    throw RegistrationClosedException.notYetOpen(this);
                }
                if (!now.isBefore(registrationClosesAt)) {
                    throw RegistrationClosedException.closed(this);
                }
            }
        }
    }

    /** Whether someone may register at {@code now}: published, and inside the registration window. */
    public boolean isOpenForRegistration(Instant now) {
        return status == MeetingStatus.PUBLISHED
                && (registrationOpensAt == null || !now.isBefore(registrationOpensAt))
                && now.isBefore(registrationClosesAt);
    }

    /**
     * The first moment after {@code now} at which {@link #isOpenForRegistration} changes by the time alone
     * (registration opens, or closes); empty when it never will.
     */
    public Optional<Instant> registrationOpenChangesAfter(Instant now) {
        if (status != MeetingStatus.PUBLISHED) {
            return Optional.empty();
        }
        if (registrationOpensAt != null && now.isBefore(registrationOpensAt)) {
            return Optional.of(registrationOpensAt);
        }
        return now.isBefore(registrationClosesAt) ? Optional.of(registrationClosesAt) : Optional.empty();
    }

    private void take(MeetingDetails details) {
        kind = details.kind();
        titleSv = details.title().sv();
        titleEn = details.title().en();
        descriptionSv = details.description().sv();
        descriptionEn = details.description().en();
        municipalityCode = details.municipalityCode();
        series = details.series();
        coOrganisers = details.coOrganisers();
        venueName = details.venue() == null ? null : details.venue().name();
        venueAddress = details.venue() == null ? null : details.venue().address();
        onlineLink = details.onlineLink();
        startsAt = details.startsAt();
        endsAt = details.endsAt();
        capacity = details.capacity();
        maxPerCompany = details.maxPerCompany();
        registrationOpensAt = details.registrationOpensAt();
        registrationClosesAt = details.registrationClosesAt();
        audience = details.audience();
        approvalRequired = details.approvalRequired();
        focusAreas = details.focusAreas().stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    public MeetingDetails details() {
        return new MeetingDetails(
                kind,
                title(),
                description(),
                municipalityCode,
                series,
                coOrganisers,
                venue().orElse(null),
                onlineLink,
                startsAt,
                endsAt,
                capacity,
                maxPerCompany,
                registrationOpensAt,
                registrationClosesAt,
                audience,
                approvalRequired,
                focusAreas());
    }

    public UUID id() {
        return id;
    }

    public MeetingKind kind() {
        return kind;
    }

    public MeetingStatus status() {
        return status;
    }

    public LocalizedText title() {
        return new LocalizedText(titleSv, titleEn);
    }

    public LocalizedText description() {
        return new LocalizedText(descriptionSv, descriptionEn);
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public Optional<String> series() {
        return Optional.ofNullable(series);
    }

    public List<CoOrganiser> coOrganisers() {
        return coOrganisers == null ? List.of() : List.copyOf(coOrganisers);
    }

    public Optional<MeetingDetails.Venue> venue() {
        return venueName == null ? Optional.empty() : Optional.of(new MeetingDetails.Venue(venueName, venueAddress));
    }

    public Optional<String> onlineLink() {
        return Optional.ofNullable(onlineLink);
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public int capacity() {
        return capacity;
    }

    public Optional<Integer> maxPerCompany() {
        return Optional.ofNullable(maxPerCompany);
    }

    public Optional<Instant> registrationOpensAt() {
        return Optional.ofNullable(registrationOpensAt);
    }

    public Instant registrationClosesAt() {
        return registrationClosesAt;
    }

    public Audience audience() {
        return audience;
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }

    public Set<FocusArea> focusAreas() {
        return focusAreas == null
                ? Set.of()
                : Arrays.stream(focusAreas).map(FocusArea::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    /** Confirmed seats as of loading (or the last refresh). */
    public int confirmedCount() {
        return confirmedCount;
    }

    public int waitlistLength() {
        return waitlistLength;
    }

    public int seatsLeft() {
        return Math.max(0, capacity - confirmedCount);
    }

    public int sequence() {
        return sequence;
    }

    public Optional<String> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
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
