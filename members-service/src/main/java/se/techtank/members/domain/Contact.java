package se.techtank.members.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import se.techtank.kernel.Language;
import se.techtank.platform.validation.EmailAddress;

/**
 * A contact person of a company: personal data. A contact is live (with a name and an e-mail address)
 * until it is erased at the person's request; then name, e-mail and phone are gone for good and the
 * anonymous rest (company, role, language, times) stays for statistics and never changes again.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private UUID id;

    /** The company, by id only: a contact belongs to a company but is an aggregate of its own. */
    @Column(name = "company_id", nullable = false, updatable = false)
    private UUID companyId;

    private String name;

    private String email;

    private String phone;

    private String role;

    @Column(nullable = false, length = 2)
    private String language;

    /** The current state of every consent; loaded with the contact, as every view shows them. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_consent", joinColumns = @JoinColumn(name = "contact_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "consent", length = 30)
    @BatchSize(size = 100)
    private Map<Consent, ConsentStatus> consents = new EnumMap<>(Consent.class);

    /** Every change of a consent, oldest first; only appended to. */
    @ElementCollection
    @CollectionTable(name = "contact_consent_change", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "position")
    private List<ConsentChange> consentHistory = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "modified_at", nullable = false)
    private OffsetDateTime modifiedAt;

    @Column(name = "erased_at")
    private OffsetDateTime erasedAt;

    @Version
    private long version;

    protected Contact() {}

    /** A new contact person of the company; every consent starts as given or not, at {@code now}. */
    public static Contact add(UUID companyId, ContactDetails details, OffsetDateTime now) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.companyId = companyId;
        contact.createdAt = now;
        contact.describe(details, now);
        return contact;
    }

    /**
     * Replaces the contact's details. A consent whose value changes gets {@code now} as its time and an
     * entry in the history; the others keep theirs.
     *
     * @return whether anything changed (an identical update changes nothing and publishes nothing)
     * @throws ContactErasedException if the contact was erased
     */
    public boolean update(ContactDetails details, OffsetDateTime now) {
        requireNotErased();
        if (details.equals(details())) {
            return false;
        }
        describe(details, now);
        return true;
    }

    /**
     * Erases the person (GDPR art. 17): name, e-mail and phone are dropped, every consent is withdrawn,
     * and the contact is marked erased. Irreversible.
     *
     * @return false if it was already erased (nothing changes then)
     */
    public boolean erase(OffsetDateTime now) {
        if (isErased()) {
            return false;
        }
        this.name = null;
        this.email = null;
        this.phone = null;
        applyConsents(Set.of(), now);
        this.erasedAt = now;
        this.modifiedAt = now;
        return true;
    }

    /**
     * Prepares the contact's removal from the company: every consent is withdrawn at {@code now}, so
     * that the last state published about it allows nothing to be sent to the person.
     *
     * @throws ContactErasedException if the contact was erased (what is left is kept for statistics)
     */
    public void remove(OffsetDateTime now) {
        requireNotErased();
        applyConsents(Set.of(), now);
        this.modifiedAt = now;
    }

    private void describe(ContactDetails details, OffsetDateTime now) {
        this.name = details.name();
        this.email = details.email().value();
        this.phone = details.phone();
        this.role = details.role();
        this.language = details.language().code();
        applyConsents(details.consents(), now);
        this.modifiedAt = now;
    }

    private void applyConsents(Set<Consent> given, OffsetDateTime now) {
        for (Consent consent : Consent.values()) {
            boolean isGiven = given.contains(consent);
            ConsentStatus current = consents.get(consent);
            if (current == null || current.given() != isGiven) {
                consents.put(consent, new ConsentStatus(isGiven, now));
                consentHistory.add(new ConsentChange(consent, isGiven, now));
            }
        }
    }

    private void requireNotErased() {
        if (isErased()) {
            throw new ContactErasedException(id);
        }
    }

    /** The details as they stand; only for a contact that is not erased. */
    public ContactDetails details() {
        requireNotErased();
        return new ContactDetails(name, new EmailAddress(email), phone, role, language(), givenConsents());
    }

    public UUID id() {
        return id;
    }

    public UUID companyId() {
        return companyId;
    }

    /** Empty once erased. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Empty once erased. */
    public Optional<EmailAddress> email() {
        return Optional.ofNullable(email).map(EmailAddress::new);
    }

    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    public Optional<String> role() {
        return Optional.ofNullable(role);
    }

    public Language language() {
        return Language.of(language).orElseThrow();
    }

    /** Every consent's state, in the order of {@link Consent}. */
    public Map<Consent, ConsentStatus> consents() {
        Map<Consent, ConsentStatus> ordered = new EnumMap<>(Consent.class);
        ordered.putAll(consents);
        return Collections.unmodifiableMap(ordered);
    }

    public Set<Consent> givenConsents() {
        Set<Consent> given = EnumSet.noneOf(Consent.class);
        consents.forEach((consent, status) -> {
            if (status.given()) {
                given.add(consent);
            }
        });
        return given;
    }

    /** Every change of a consent, oldest first (loaded on first use: read it inside a transaction). */
    public List<ConsentChange> consentHistory() {
        return List.copyOf(consentHistory);
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    public Optional<OffsetDateTime> erasedAt() {
        return Optional.ofNullable(erasedAt);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime modifiedAt() {
        return modifiedAt;
    }

    public long version() {
        return version;
    }
}
