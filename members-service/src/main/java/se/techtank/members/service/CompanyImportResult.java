package se.techtank.members.service;

import java.util.UUID;

import se.techtank.kernel.OrganisationNumber;

/**
 * What importing one row did.
 *
 * @param companyId the company created or updated; null when the row could not be stored
 * @param failure why the row could not be stored (only with {@link Outcome#NOT_STORED})
 */
public record CompanyImportResult(
        int rowNumber, OrganisationNumber organisationNumber, Outcome outcome, UUID companyId, String failure) {

    public enum Outcome {
        /** A new company, {@code company.registered} published. */
        CREATED,
        /** An existing company whose profile changed, {@code company.updated} published. */
        UPDATED,
        /** An existing company with this very profile: nothing written, nothing published. */
        UNCHANGED,
        /** Its chunk failed twice (e.g. a concurrent registration of the same number): nothing written. */
        NOT_STORED
    }

    static CompanyImportResult notStored(CompanyImportRow row, String failure) {
        return new CompanyImportResult(row.rowNumber(), row.organisationNumber(), Outcome.NOT_STORED, null, failure);
    }
}
