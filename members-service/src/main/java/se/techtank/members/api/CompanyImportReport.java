package se.techtank.members.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.platform.problem.FieldError;

@Schema(name = "CompanyImportReport", description = "What an import did, in total and row by row (in file order)")
public record CompanyImportReport(CompanyImportTotals totals, List<CompanyImportRowReport> rows) {

    @Schema(name = "CompanyImportOutcome", description = "What importing a row did")
    public enum Outcome {
        /** Registered; {@code company.registered} published. */
        CREATED,
        /** An existing company's profile replaced by the row's; {@code company.updated} published. */
        UPDATED,
        /** An existing company already had this profile: nothing changed, nothing published. */
        UNCHANGED,
        /** Not imported: {@code errors} says why. */
        REJECTED
    }

    @Schema(name = "CompanyImportTotals", description = "Number of data rows (blank lines not counted) by outcome")
    public record CompanyImportTotals(
            @Schema(examples = "3") int rows,
            @Schema(examples = "1") int created,
            @Schema(examples = "1") int updated,
            @Schema(examples = "0") int unchanged,
            @Schema(examples = "1") int rejected) {}

    @Schema(name = "CompanyImportRow", description = "The outcome of one data row")
    public record CompanyImportRowReport(
            @Schema(description = "Row number in the file; the header row is row 1", examples = "2")
            int row,

            @Schema(description = "Normalised when valid, otherwise as written in the file", examples = "556036-0793")
            String organisationNumber,

            Outcome outcome,

            @Schema(description = "The company created or updated (absent when rejected)")
            UUID companyId,

            @Schema(
                    description = "Why the row was rejected: `field` is the column (absent for a problem with the "
                            + "row as a whole)")
            List<FieldError> errors) {}

    static CompanyImportReport of(List<CompanyImportRowReport> rows) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (CompanyImportRowReport row : rows) {
            switch (row.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> rejected++;
            }
        }
        return new CompanyImportReport(
                new CompanyImportTotals(rows.size(), created, updated, unchanged, rejected), rows);
    }
}
