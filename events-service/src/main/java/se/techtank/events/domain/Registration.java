package se.techtank.events.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.DynamicUpdate;

import se.techtank.kernel.Language;
import se.techtank.platform.validation.EmailAddress;

/**
 * A person's registration for a meeting. When someone leaves the waitlist, {@link SeatRepository}
 * moves everyone behind up one place with one statement; updates write only the columns that changed
 * ({@code @DynamicUpdate}), so a stale position held here is never written back.
 */
@Entity
@DynamicUpdate
@Table(name = "registration")
public class Registration {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/I/L: read aloud and typed at the door. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

    public static final int CHECK_IN_CODE_LENGTH = 6;

    @Id
    private UUID id;

    @Column(name = "meeting_id", nullable = false)
    private UUID meetingId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegistrationStatus status;

    @Column(name = "waitlist_position")
    private Integer waitlistPosition;

    @Column(name = "attendee_name")
    private String attendeeName;

    @Column(name = "attendee_email")
    private String attendeeEmail;

    @Column(name = "email_hash")
    private String emailHash;

    @Column(nullable = false)
    private String language;

    @Column(name = "organisation_number")
    private String organisationNumber;

    @Column(name = "company_name")
    private String companyName;

    @Column(name = "municipality_code")
    private String municipalityCode;

    @Column(name = "dietary_requirements")
    private String dietaryRequirements;

    private String message;

    @Column(name = "attendee_list_consent", nullable = false)
    private boolean attendeeListConsent;

    @Column(name = "check_in_code", nullable = false)
    private String checkInCode;

    @Column(name = "cancellation_token", nullable = false)
    private String cancellationToken;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "checked_in_by")
    private String checkedInBy;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "cancellation_reason")
    private String cancellationReason;

    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Version
    private long version;

    protected Registration() {}

    /** A new registration; its status is set by the caller from the seats ({@link #confirm} and co). */
    public static Registration of(
            UUID meetingId, Attendee attendee, CompanyRef company, String registeredBy, Instant now) {
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.meetingId = meetingId;
        registration.attendeeName = attendee.name();
        registration.attendeeEmail = attendee.email().value();
        registration.emailHash = emailHash(attendee.email().value());
        registration.language = attendee.language().code();
        registration.dietaryRequirements = attendee.dietaryRequirements();
        registration.message = attendee.message();
        registration.attendeeListConsent = attendee.attendeeListConsent();
        if (company != null) {
            registration.organisationNumber = company.organisationNumber();
            registration.companyName = company.name();
            registration.municipalityCode = company.municipalityCode();
        }
        registration.registeredBy = registeredBy;
        registration.checkInCode = newCheckInCode();
        registration.cancellationToken = newToken();
        registration.registeredAt = now;
        registration.modifiedAt = now;
        return registration;
    }

    /** The attendee as they registered. */
    public record Attendee(
            String name,
            EmailAddress email,
            Language language,
            String dietaryRequirements,
            String message,
            boolean attendeeListConsent) {}

    /** The company an attendee comes from, as the read model knows it (name and municipality may be unknown). */
    public record CompanyRef(String organisationNumber, String name, String municipalityCode) {}

    /** The hash a registration's e-mail address is found by: SHA-256 of the lower-case address, in hex. */
    public static String emailHash(String email) {
        return EmailAddress.hashOf(email);
    }

    public static String newCheckInCode() {
        char[] code = new char[CHECK_IN_CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void newCheckInCode(String code) {
        this.checkInCode = code;
    }

    public void pendApproval() {
        status = RegistrationStatus.PENDING_APPROVAL;
    }

    public void confirm(Instant now) {
        status = RegistrationStatus.CONFIRMED;
        modifiedAt = now;
    }

    /** On the waitlist at {@code position} (from {@link SeatRepository#joinWaitlist}). */
    public void waitlist(int position, Instant now) {
        status = RegistrationStatus.WAITLISTED;
        waitlistPosition = position;
        modifiedAt = now;
    }

    /** Taken from the waitlist into a seat. */
    public void promote(Instant now) {
        if (status != RegistrationStatus.WAITLISTED) {
            throw new IllegalRegistrationTransitionException("promote", status);
        }
        status = RegistrationStatus.CONFIRMED;
        waitlistPosition = null;
        modifiedAt = now;
    }

    /**
     * Cancels; returns the status it had, for the seat bookkeeping.
     *
     * @throws IllegalRegistrationTransitionException after the meeting (attended, no-show) or when declined
     */
    public RegistrationStatus cancel(String reason, Instant now) {
        RegistrationStatus before = status;
        if (before == RegistrationStatus.ATTENDED
                || before == RegistrationStatus.NO_SHOW
                || before == RegistrationStatus.DECLINED) {
            throw new IllegalRegistrationTransitionException("cancel", before);
        }
        status = RegistrationStatus.CANCELLED;
        waitlistPosition = null;
        cancelledAt = now;
        cancellationReason = reason;
        modifiedAt = now;
        return before;
    }

    public void decline(String reason, Instant now) {
        if (status != RegistrationStatus.PENDING_APPROVAL) {
            throw new IllegalRegistrationTransitionException("decline", status);
        }
        status = RegistrationStatus.DECLINED;
        cancellationReason = reason;
        modifiedAt = now;
    }

    /**
     * Marks attendance; {@code false} when already checked in (twice is harmless).
     *
     * @throws IllegalRegistrationTransitionException unless confirmed or attended
     */
    public boolean checkIn(String by, Instant now) {
        if (status == RegistrationStatus.ATTENDED) {
            return false;
        }
        if (status != RegistrationStatus.CONFIRMED) {
            throw new IllegalRegistrationTransitionException("check in", status);
        }
        status = RegistrationStatus.ATTENDED;
        checkedInAt = now;
        checkedInBy = by;
        modifiedAt = now;
        return true;
    }

    public void markNoShow(Instant now) {
        if (status != RegistrationStatus.CONFIRMED) {
            throw new IllegalRegistrationTransitionException("mark as no-show", status);
        }
        status = RegistrationStatus.NO_SHOW;
        modifiedAt = now;
    }

    /** Removes the person (name, e-mail, dietary requirements, message); the anonymous row stays. Idempotent. */
    public boolean anonymise(Instant now) {
        if (anonymisedAt != null) {
            return false;
        }
        attendeeName = null;
        attendeeEmail = null;
        emailHash = null;
        dietaryRequirements = null;
        message = null;
        anonymisedAt = now;
        modifiedAt = now;
        return true;
    }

    /** Whether {@code token} is this registration's cancellation token (compared in constant time). */
    public boolean acceptsToken(String token) {
        return token != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), cancellationToken.getBytes(StandardCharsets.UTF_8));
    }

    public UUID id() {
        return id;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public RegistrationStatus status() {
        return status;
    }

    public Optional<Integer> waitlistPosition() {
        return Optional.ofNullable(waitlistPosition);
    }

    /** The hash the e-mail address is found by ({@link #emailHash(String)}); null once anonymised. */
    public String emailHash() {
        return emailHash;
    }

    public Optional<String> attendeeName() {
        return Optional.ofNullable(attendeeName);
    }

    public Optional<String> attendeeEmail() {
        return Optional.ofNullable(attendeeEmail);
    }

    public Language language() {
        return Language.of(language).orElse(Language.DEFAULT);
    }

    public Optional<String> organisationNumber() {
        return Optional.ofNullable(organisationNumber);
    }

    public Optional<String> companyName() {
        return Optional.ofNullable(companyName);
    }

    public Optional<String> municipalityCode() {
        return Optional.ofNullable(municipalityCode);
    }

    public Optional<String> dietaryRequirements() {
        return Optional.ofNullable(dietaryRequirements);
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public boolean attendeeListConsent() {
        return attendeeListConsent;
    }

    public String checkInCode() {
        return checkInCode;
    }

    public String cancellationToken() {
        return cancellationToken;
    }

    public Optional<Instant> checkedInAt() {
        return Optional.ofNullable(checkedInAt);
    }

    public Optional<Instant> cancelledAt() {
        return Optional.ofNullable(cancelledAt);
    }

    public Optional<String> cancellationReason() {
        return Optional.ofNullable(cancellationReason);
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant modifiedAt() {
        return modifiedAt;
    }

    public long version() {
        return version;
    }
}
