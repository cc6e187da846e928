package se.techtank.members.domain;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.kernel.OrganisationNumber;
import se.techtank.kernel.SniCode;

/** A company in the member register, identified to the outside world by its organisation number. */
@Entity
@Table(name = "company")
public class Company {

    @Id
    private UUID id;

    @Column(name = "organisation_number", nullable = false, unique = true, length = 11)
    private String organisationNumber;

    @Column(nullable = false)
    private String name;

    /** The name in lower case without accents, for accent-insensitive search. */
    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Column(name = "municipality_code", nullable = false, length = 4)
    private String municipalityCode;

    @Column(name = "primary_sni")
    private String primarySni;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "secondary_sni", nullable = false)
    private String[] secondarySni = new String[0];

    @Column(name = "number_of_employees")
    private Integer numberOfEmployees;

    /** Derived from the number of employees; stored so that lists filter on an index. */
    @Enumerated(EnumType.STRING)
    @Column(name = "size_class")
    private SizeClass sizeClass;

    private String website;

    @Embedded
    private PostalAddress postalAddress;

    @Enumerated(EnumType.STRING)
    @Column(name = "membership_status")
    private MembershipStatus membershipStatus;

    @Column(name = "membership_since")
    private java.time.LocalDate membershipSince;

    /** Memberships run per calendar year: the last day of the last year paid for. */
    @Column(name = "membership_valid_until")
    private java.time.LocalDate membershipValidUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "membership_fee_tier")
    private FeeTier feeTier;

    /** The latest priority per focus area, from the needs assessments (loaded for many companies at once). */
    @org.hibernate.annotations.BatchSize(size = 100)
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(
            name = "company_need",
            joinColumns = @jakarta.persistence.JoinColumn(name = "company_id"))
    private java.util.Set<CurrentNeed> needs = new java.util.HashSet<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "modified_at", nullable = false)
    private OffsetDateTime modifiedAt;

    @Version
    private long version;

    protected Company() {}

    /** A newly registered company. */
    public static Company register(OrganisationNumber organisationNumber, CompanyProfile profile, OffsetDateTime now) {
        Company company = new Company();
        company.id = UUID.randomUUID();
        company.organisationNumber = organisationNumber.value();
        company.createdAt = now;
        company.describe(profile, now);
        return company;
    }

    /**
     * Replaces the company's profile.
     *
     * @return whether anything changed (an identical update changes nothing and publishes nothing)
     */
    public boolean describe(CompanyProfile profile, OffsetDateTime now) {
        if (modifiedAt != null && profile.equals(profile())) {
            return false;
        }
        this.name = profile.name();
        this.searchName = searchable(profile.name());
        this.municipalityCode = profile.municipalityCode();
        this.primarySni =
                profile.primarySni() == null ? null : profile.primarySni().value();
        this.secondarySni =
                profile.secondarySni().stream().map(SniCode::value).distinct().toArray(String[]::new);
        this.numberOfEmployees = profile.numberOfEmployees();
        this.sizeClass = profile.numberOfEmployees() == null ? null : SizeClass.of(profile.numberOfEmployees());
        this.website = profile.website();
        this.postalAddress = profile.postalAddress();
        this.modifiedAt = now;
        return true;
    }

    /**
     * Takes an assessment's priorities as the current needs of its areas, unless an assessment of a later
     * date already set an area (an older assessment recorded afterwards does not undo a newer one).
     */
    public void assessNeeds(NeedsAssessment assessment, OffsetDateTime now) {
        for (NeedsAssessment.Item item : assessment.items()) {
            Optional<CurrentNeed> current = needs.stream()
                    .filter(need -> need.focusArea() == item.focusArea())
                    .findFirst();
            if (current.isPresent() && current.get().assessedOn().isAfter(assessment.assessedOn())) {
                continue;
            }
            current.ifPresent(needs::remove);
            needs.add(new CurrentNeed(item.focusArea(), item.priority(), assessment.assessedOn()));
        }
        this.modifiedAt = now;
    }

    /** Current needs, highest priority first. */
    public List<CurrentNeed> needs() {
        return needs.stream()
                .sorted(java.util.Comparator.comparingInt(CurrentNeed::priority)
                        .reversed()
                        .thenComparing(CurrentNeed::focusArea))
                .toList();
    }

    // ---- Membership: every change returns the transition for the history, and touches modifiedAt.

    public MembershipTransition applyForMembership(String actor, OffsetDateTime now) {
        if (!MembershipStatus.mayApply(membershipStatus)) {
            throw new IllegalMembershipTransitionException("apply for", membershipStatus);
        }
        return moveTo(MembershipStatus.APPLIED, null, now.toLocalDate(), actor, now);
    }

    /** Approves an application: active from {@code start}, for the rest of that calendar year. */
    public MembershipTransition approveMembership(java.time.LocalDate start, String actor, OffsetDateTime now) {
        require(MembershipStatus.APPLIED, "approve");
        if (sizeClass == null) {
            throw new MembershipSizeUnknownException();
        }
        this.membershipSince = start;
        this.membershipValidUntil = start.withDayOfYear(1).plusYears(1).minusDays(1);
        this.feeTier = FeeTier.of(sizeClass);
        return moveTo(MembershipStatus.ACTIVE, null, start, actor, now);
    }

    public MembershipTransition rejectMembership(String reason, String actor, OffsetDateTime now) {
        require(MembershipStatus.APPLIED, "reject");
        return moveTo(MembershipStatus.REJECTED, reason, now.toLocalDate(), actor, now);
    }

    public MembershipTransition suspendMembership(String reason, String actor, OffsetDateTime now) {
        require(MembershipStatus.ACTIVE, "suspend");
        return moveTo(MembershipStatus.SUSPENDED, reason, now.toLocalDate(), actor, now);
    }

    public MembershipTransition resumeMembership(String actor, OffsetDateTime now) {
        require(MembershipStatus.SUSPENDED, "resume");
        if (membershipValidUntil.isBefore(now.toLocalDate())) {
            throw new IllegalMembershipTransitionException(
                    "resume (renew it for this year instead) an unpaid", membershipStatus);
        }
        return moveTo(MembershipStatus.ACTIVE, null, now.toLocalDate(), actor, now);
    }

    public MembershipTransition terminateMembership(
            String reason, java.time.LocalDate endDate, String actor, OffsetDateTime now) {
        if (membershipStatus != MembershipStatus.ACTIVE && membershipStatus != MembershipStatus.SUSPENDED) {
            throw new IllegalMembershipTransitionException("terminate", membershipStatus);
        }
        this.membershipValidUntil = endDate;
        return moveTo(MembershipStatus.TERMINATED, reason, endDate, actor, now);
    }

    /**
     * Renews for calendar year {@code year}; a membership suspended for not being renewed becomes
     * active again.
     */
    public MembershipTransition renewMembership(int year, String actor, OffsetDateTime now) {
        if (membershipStatus != MembershipStatus.ACTIVE && membershipStatus != MembershipStatus.SUSPENDED) {
            throw new IllegalMembershipTransitionException("renew", membershipStatus);
        }
        this.membershipValidUntil = java.time.LocalDate.of(year, 12, 31);
        return moveTo(MembershipStatus.ACTIVE, "RENEWED_FOR_" + year, java.time.LocalDate.of(year, 1, 1), actor, now);
    }

    /** Whether this is an active membership whose last paid year ended before {@code today}. */
    public boolean membershipLapsedBy(java.time.LocalDate today) {
        return membershipStatus == MembershipStatus.ACTIVE && membershipValidUntil.isBefore(today);
    }

    private void require(MembershipStatus expected, String action) {
        if (membershipStatus != expected) {
            throw new IllegalMembershipTransitionException(action, membershipStatus);
        }
    }

    private MembershipTransition moveTo(
            MembershipStatus to, String reason, java.time.LocalDate effective, String actor, OffsetDateTime now) {
        MembershipTransition transition =
                new MembershipTransition(id, membershipStatus, to, reason, effective, actor, now);
        this.membershipStatus = to;
        this.modifiedAt = now;
        return transition;
    }

    public Optional<MembershipStatus> membershipStatus() {
        return Optional.ofNullable(membershipStatus);
    }

    public Optional<java.time.LocalDate> membershipSince() {
        return Optional.ofNullable(membershipSince);
    }

    public Optional<java.time.LocalDate> membershipValidUntil() {
        return Optional.ofNullable(membershipValidUntil);
    }

    public Optional<FeeTier> feeTier() {
        return Optional.ofNullable(feeTier);
    }

    /** {@code "Sölvesborgs Stål AB"} → {@code "solvesborgs stal ab"}: what searches compare with. */
    public static String searchable(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    public CompanyProfile profile() {
        return new CompanyProfile(
                name,
                municipalityCode,
                primarySni == null ? null : new SniCode(primarySni),
                Arrays.stream(secondarySni).map(SniCode::new).toList(),
                numberOfEmployees,
                website,
                postalAddress);
    }

    public UUID id() {
        return id;
    }

    public OrganisationNumber organisationNumber() {
        return new OrganisationNumber(organisationNumber);
    }

    public String name() {
        return name;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public LegalForm legalForm() {
        return LegalForm.of(organisationNumber());
    }

    public Optional<SniCode> primarySni() {
        return Optional.ofNullable(primarySni).map(SniCode::new);
    }

    public List<SniCode> secondarySni() {
        return Arrays.stream(secondarySni).map(SniCode::new).toList();
    }

    public Optional<Integer> numberOfEmployees() {
        return Optional.ofNullable(numberOfEmployees);
    }

    public Optional<SizeClass> sizeClass() {
        return Optional.ofNullable(sizeClass);
    }

    public Optional<String> website() {
        return Optional.ofNullable(website);
    }

    public Optional<PostalAddress> postalAddress() {
        return Optional.ofNullable(postalAddress)
                .filter(address -> !Objects.equals(address, new PostalAddress(null, null, null)));
    }

    public boolean inBlekinge() {
        return MunicipalityCode.inBlekinge(municipalityCode);
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
