package se.techtank.members.query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.members.domain.LegalForm;
import se.techtank.members.domain.MembershipStatus;
import se.techtank.members.domain.PostalAddress;
import se.techtank.members.domain.SizeClass;

/**
 * What a list of companies shows of each: the columns of a company a page needs, read straight from
 * the table (no entity, no persistence context, no dirty checking) by {@link CompanyList}.
 * The values are the stored, already normalised ones, so nothing is parsed or validated again; the
 * derived fields follow the same rules as {@link se.techtank.members.domain.Company}'s.
 */
public record CompanySummary(
        UUID id,
        String organisationNumber,
        String name,
        String municipalityCode,
        String primarySni,
        List<String> secondarySni,
        Integer numberOfEmployees,
        SizeClass sizeClass,
        String website,
        PostalAddress postalAddress,
        MembershipStatus membershipStatus,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    public CompanySummary {
        secondarySni = secondarySni == null ? List.of() : secondarySni;
    }

    /** As {@link se.techtank.members.domain.Company#legalForm()}. */
    public LegalForm legalForm() {
        return LegalForm.ofFirstDigit(organisationNumber.charAt(0));
    }

    /** As {@link se.techtank.members.domain.Company#inBlekinge()}. */
    public boolean inBlekinge() {
        return MunicipalityCode.inBlekinge(municipalityCode);
    }

    /** As {@link se.techtank.members.domain.Company#postalAddress()}: absent when no part of it is stored. */
    public Optional<PostalAddress> address() {
        return postalAddress == null
                        || (postalAddress.street() == null
                                && postalAddress.postalCode() == null
                                && postalAddress.city() == null)
                ? Optional.empty()
                : Optional.of(postalAddress);
    }
}
