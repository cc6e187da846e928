package se.techtank.programmes.service;

import se.techtank.programmes.domain.Applicant;

/**
 * An application as submitted.
 *
 * @param declared the company's facts as the applicant states them: used only when the register does not
 *     know the company (then marked {@code DECLARED}); may be null
 * @param overrideReason staff's reason to accept a company that fails a rule; null otherwise
 */
public record NewApplication(
        String organisationNumber,
        DeclaredCompany declared,
        Applicant applicant,
        String motivation,
        String overrideReason) {

    /** What an applicant states about a company the register does not know. */
    public record DeclaredCompany(
            String name, String municipalityCode, Integer numberOfEmployees, String sizeClass, String sniCode) {}
}
