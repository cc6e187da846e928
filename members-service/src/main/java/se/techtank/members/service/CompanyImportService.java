package se.techtank.members.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import se.techtank.kernel.OrganisationNumber;
import se.techtank.members.config.MembersConfig;
import se.techtank.members.domain.Company;
import se.techtank.members.domain.CompanyRepository;
import se.techtank.members.messaging.out.CompanyEventPublisher;

/**
 * Bulk import of companies: creates the companies of an import file, or replaces the profile of those
 * already registered (matched by organisation number), publishing the same events as the single-company
 * commands. Rows are written in chunks, one transaction each, so that a large file keeps memory flat and
 * a failure loses one chunk at most, never the rows already imported.
 */
@ApplicationScoped
public class CompanyImportService {

    private static final Logger LOG = Logger.getLogger(CompanyImportService.class);

    private final CompanyRepository companies;
    private final CompanyEventPublisher events;
    private final int chunkSize;
    private final Clock clock = Clock.systemUTC();

    CompanyImportService(CompanyRepository companies, CompanyEventPublisher events, MembersConfig config) {
        this.companies = companies;
        this.events = events;
        this.chunkSize = config.companyImport().chunkSize();
    }

    /**
     * Imports {@code rows} (organisation numbers unique among them), in order, one transaction per chunk.
     * A chunk that fails is tried once more (a concurrent registration of one of its numbers then turns
     * into an update); if it fails again its rows are reported {@link CompanyImportResult.Outcome#NOT_STORED}
     * and the import goes on with the next chunk.
     */
    public List<CompanyImportResult> importRows(List<CompanyImportRow> rows) {
        List<CompanyImportResult> results = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += chunkSize) {
            List<CompanyImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + chunkSize));
            results.addAll(importChunkWithRetry(chunk));
        }
        return results;
    }

    private List<CompanyImportResult> importChunkWithRetry(List<CompanyImportRow> chunk) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> importChunk(chunk));
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "Import of rows %d-%d failed (attempt %d)",
                        chunk.get(0).rowNumber(),
                        chunk.get(chunk.size() - 1).rowNumber(),
                        attempt);
            }
        }
        String reason = "not stored: the database refused this part of the file; import the row again";
        return chunk.stream()
                .map(row -> CompanyImportResult.notStored(row, reason))
                .toList();
    }

    /** One chunk, in the caller's transaction: one query for the existing companies, batched writes. */
    List<CompanyImportResult> importChunk(List<CompanyImportRow> chunk) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, Company> existing =
                companies
                        .findByOrganisationNumbers(chunk.stream()
                                .map(CompanyImportRow::organisationNumber)
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(
                                company -> company.organisationNumber().value(), Function.identity()));

        List<CompanyImportResult> results = new ArrayList<>(chunk.size());
        List<Company> created = new ArrayList<>();
        List<Company> updated = new ArrayList<>();
        for (CompanyImportRow row : chunk) {
            OrganisationNumber number = row.organisationNumber();
            Company company = existing.get(number.value());
            CompanyImportResult.Outcome outcome;
            if (company == null) {
                company = Company.register(number, row.profile(), now);
                companies.persist(company);
                created.add(company);
                outcome = CompanyImportResult.Outcome.CREATED;
            } else if (company.describe(row.profile(), now)) {
                updated.add(company);
                outcome = CompanyImportResult.Outcome.UPDATED;
            } else {
                outcome = CompanyImportResult.Outcome.UNCHANGED;
            }
            results.add(new CompanyImportResult(row.rowNumber(), number, outcome, company.id(), null));
        }
        // Write the companies first, in JDBC batches, then the outbox rows: recording an event runs a
        // statement that would otherwise flush the companies one by one.
        companies.flush();
        created.forEach(events::registered);
        updated.forEach(events::updated);
        return results;
    }
}
