package se.techtank.members.domain;

import java.util.List;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.kernel.SniCode;

/**
 * What describes a company besides its organisation number: everything a registration sets and an
 * update replaces. Values are already checked for form; {@link Company} keeps the invariants.
 */
public record CompanyProfile(
        String name,
        String municipalityCode,
        SniCode primarySni,
        List<SniCode> secondarySni,
        Integer numberOfEmployees,
        String website,
        PostalAddress postalAddress) {

    public CompanyProfile {
        secondarySni = secondarySni == null ? List.of() : List.copyOf(secondarySni);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A company has a name");
        }
        if (!MunicipalityCode.isValid(municipalityCode)) {
            throw new IllegalArgumentException("Invalid municipality code " + municipalityCode);
        }
        if (primarySni == null && !secondarySni.isEmpty()) {
            throw new IllegalArgumentException("Secondary SNI codes need a primary one");
        }
        if (numberOfEmployees != null && numberOfEmployees < 0) {
            throw new IllegalArgumentException("Employees cannot be negative");
        }
        name = name.strip();
    }

    /** A profile with only the fields a first registration needs. */
    public static CompanyProfile of(String name, String municipalityCode) {
        return new CompanyProfile(name, municipalityCode, null, List.of(), null, null, null);
    }
}
