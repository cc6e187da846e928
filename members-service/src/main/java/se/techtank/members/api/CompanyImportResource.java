package se.techtank.members.api;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import se.techtank.members.api.CompanyImportFile.ParsedRow;
import se.techtank.members.api.CompanyImportReport.CompanyImportRowReport;
import se.techtank.members.api.CompanyImportReport.Outcome;
import se.techtank.members.config.MembersConfig;
import se.techtank.members.service.CompanyImportResult;
import se.techtank.members.service.CompanyImportService;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.Problem;
import se.techtank.platform.security.Roles;

/** Bulk import of companies from a CSV file (a spreadsheet export). */
@Path("/api/v1/companies/import")
@Tag(name = "Companies")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyImportResource {

    static final String TEXT_CSV = "text/csv";

    private static final String EXAMPLE_FILE = """
            organisationNumber;name;municipalityCode;primarySni;secondarySni;numberOfEmployees;website;street;postalCode;city
            556036-0793;Olofströms Pressverktyg AB;1060;25.500;28.410|25.620;42;https://www.pressverktyg.example.se;Industrivägen 4;293 38;Olofström
            5569990004;Karlshamns Gjuteri AB;1082;24.510;;130;;;;
            202100-5489;Ronneby Kommunala Verkstäder;1081;;;;;;;
            """;

    private final CompanyImportService imports;
    private final CompanyImportFile file;

    CompanyImportResource(CompanyImportService imports, Validator validator, MembersConfig config) {
        this.imports = imports;
        this.file = new CompanyImportFile(
                validator,
                config.companyImport().maxBytes(),
                config.companyImport().maxRows());
    }

    @POST
    @Consumes(TEXT_CSV)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "importCompanies",
            summary = "Import companies from a CSV file",
            description = """
                    Registers the companies of a CSV file, or replaces the profile of those already registered \
                    (matched by organisation number), staff only. Each row is checked by the same rules as \
                    `POST /api/v1/companies`; valid rows are imported and invalid ones reported, so one bad row \
                    never stops the file. Each company created publishes `se.techtank.members.company.registered`, \
                    each company changed `se.techtank.members.company.updated`; a row identical to the stored \
                    company changes nothing (importing the same file twice makes every row `UNCHANGED`).

                    **The file:** UTF-8 (a byte order mark is allowed), values separated by `;` or `,` (whichever \
                    the header row uses; quote values that contain it with `"`), a header row naming the columns \
                    in any order. At most 10 MB and 50,000 rows; rows are written in chunks of 500, so a very \
                    rare database failure reports the rows of one chunk as rejected and keeps the others.

                    | column | | |
                    |---|---|---|
                    | `organisationNumber` | required | `NNNNNN-NNNN`, also without the hyphen or with the `16` prefix |
                    | `name` | required | at most 200 characters |
                    | `municipalityCode` | required | SCB kommunkod, e.g. `1060` |
                    | `primarySni` | | SNI 2007 code, e.g. `25.500` or `25500` |
                    | `secondarySni` | | further SNI codes separated by `\\|`, e.g. `28.410\\|25.620` (needs `primarySni`) |
                    | `numberOfEmployees` | | a whole number, 0 or more |
                    | `website` | | an `http(s)://` address |
                    | `street`, `postalCode`, `city` | | postal address; when any is given, `postalCode` (`NNN NN`) and `city` are required |

                    An empty value, or a column the file leaves out, leaves the field empty: the row is the whole \
                    profile, so an update clears it. Example file:

                    ```
                    """ + EXAMPLE_FILE + """
                    ```
                    """)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = TEXT_CSV,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "three companies", value = EXAMPLE_FILE)))
    @APIResponse(
            responseCode = "200",
            description = "The file was read: the outcome of every row (`REJECTED` rows name their errors)",
            content = @Content(schema = @Schema(implementation = CompanyImportReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown, repeated or missing columns, not UTF-8, or not well-formed CSV (type "
                    + "`…/invalid-request`, `errors` names the columns); nothing was imported")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(
            responseCode = "413",
            description = "More than 10 MB or 50,000 rows (type `…/import-too-large`); nothing was imported",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "import-too-large", value = """
                                    {"type": "https://api.techtank.se/problems/import-too-large",
                                     "title": "Import file too large", "status": 413,
                                     "detail": "The file has more than 50000 rows; split it into files of at most 50000.",
                                     "instance": "/api/v1/companies/import"}
                                    """)))
    @APIResponse(responseCode = "415", description = "Not `text/csv` (type `…/unsupported-media-type`)")
    public CompanyImportReport importCompanies(InputStream body) {
        List<ParsedRow> parsed = file.read(body);
        List<CompanyImportRowReport> rows = new ArrayList<>(parsed.size());
        for (ParsedRow row : parsed) {
            if (!row.valid()) {
                rows.add(new CompanyImportRowReport(
                        row.rowNumber(), row.organisationNumber(), Outcome.REJECTED, null, row.errors()));
            }
        }
        List<CompanyImportResult> results = imports.importRows(
                parsed.stream().filter(ParsedRow::valid).map(ParsedRow::row).toList());
        for (CompanyImportResult result : results) {
            rows.add(report(result));
        }
        rows.sort(Comparator.comparingInt(CompanyImportRowReport::row));
        return CompanyImportReport.of(rows);
    }

    private static CompanyImportRowReport report(CompanyImportResult result) {
        Outcome outcome = switch (result.outcome()) {
            case CREATED -> Outcome.CREATED;
            case UPDATED -> Outcome.UPDATED;
            case UNCHANGED -> Outcome.UNCHANGED;
            case NOT_STORED -> Outcome.REJECTED;
        };
        return new CompanyImportRowReport(
                result.rowNumber(),
                result.organisationNumber().value(),
                outcome,
                result.companyId(),
                result.failure() == null ? null : List.of(new FieldError(null, result.failure())));
    }

    @ServerExceptionMapper
    public Response tooLarge(ImportTooLargeException e, UriInfo uri) {
        return Response.status(413)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        Problem.type("import-too-large"),
                        "Import file too large",
                        413,
                        e.getMessage(),
                        uri.getRequestUri().getRawPath(),
                        null,
                        List.of()))
                .build();
    }
}
