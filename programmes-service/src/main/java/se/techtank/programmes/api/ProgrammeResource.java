package se.techtank.programmes.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.platform.csv.SpreadsheetCsv;
import se.techtank.platform.http.ConditionalGet;
import se.techtank.platform.http.Revalidatable;
import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageParameters;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.Programme;
import se.techtank.programmes.query.ProgrammeCatalogue;
import se.techtank.programmes.query.ProgrammeFilter;
import se.techtank.programmes.query.ProgrammeReport;
import se.techtank.programmes.service.ProgrammeService;

/**
 * The programme catalogue: anyone reads the published programmes; staff plan, publish and archive them
 * and plan their intakes. Lifecycle {@code DRAFT → PUBLISHED → ARCHIVED}.
 */
@Path("/api/v1/programmes")
@Tag(name = "Programmes", description = "National and regional IUC programmes (Robotlyftet, Kickstart Hållbarhet, …)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class ProgrammeResource {

    private final ProgrammeService programmes;
    private final IdempotentRequests idempotent;

    private final HttpHeaders headers;

    ProgrammeResource(ProgrammeService programmes, IdempotentRequests idempotent, HttpHeaders headers) {
        this.programmes = programmes;
        this.idempotent = idempotent;
        this.headers = headers;
    }

    @GET
    @Revalidatable
    @PermitAll
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "listProgrammes",
            summary = "List programmes",
            description = "Anonymous: the published programmes with their intakes, by name. Staff may list other"
                    + " states with `status`.")
    @APIResponse(
            responseCode = "200",
            description = "One page of programmes",
            content = @Content(schema = @Schema(implementation = Pages.ProgrammePage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter or paging parameter (`errors` names it)")
    public Response list(
            @BeanParam ProgrammeListParameters filters,
            @BeanParam PageParameters paging,
            @Parameter(
                            description = "`name` or `modifiedAt`, with `,asc` or `,desc`",
                            example = "name,asc",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
                    @QueryParam("sort")
                    List<String> sort) {
        var filter = new AtomicReference<ProgrammeFilter>();
        var request = new AtomicReference<PageRequest>();
        InvalidRequestException.collect(
                () -> filter.set(filters.filter()),
                () -> request.set(PageRequest.parse(
                        paging.page(), paging.size(), sort, ProgrammeCatalogue.SORTABLE, "name,asc")));
        byte[] body = programmes.catalogue(filter.get(), request.get(), ProgrammeResource::page);
        // Seats left change as applications are approved: a client asks every time, and gets 304 while
        // nothing changed.
        return ConditionalGet.of(headers, body, MediaType.APPLICATION_JSON, Duration.ZERO)
                .build();
    }

    /** A page of the catalogue as the list shows it. */
    private static Page<ProgrammeResponse> page(Page<ProgrammeCatalogue.Listed> page) {
        return page.map(listed -> ProgrammeResponse.of(listed.programme(), listed.intakes()));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    // Anonymous callers are served, and a token changes the answer (see the description): optional bearer.
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = "bearer"))
    @Operation(
            operationId = "getProgramme",
            summary = "Read a programme",
            description = "Anyone, once published; a draft only staff.")
    @APIResponse(
            responseCode = "200",
            description = "The programme with its intakes; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme, or a draft")
    public Response get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(programmes.get(id), Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "createProgramme",
            summary = "Create a programme",
            description = "As DRAFT, seen only by staff until published.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names it",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "409", description = "The code is taken (`duplicate-programme-code`)")
    @APIResponse(responseCode = "422", description = "A field breaks a rule (`errors` lists them)")
    public Response create(@BeanParam IdempotencyKeyHeader idempotencyKey, @Valid @NotNull ProgrammeRequest request) {
        return idempotent.once(idempotencyKey, "POST /api/v1/programmes", request, () -> {
            if (request.code() == null) {
                throw new RuleViolationException("code", "must not be null");
            }
            Programme programme = programmes.create(request.code(), request.toDetails());
            return Response.created(URI.create("/api/v1/programmes/" + programme.id()))
                    .tag(EntityVersions.etag(programme.version()))
                    .entity(ProgrammeResponse.of(programme, List.of()))
                    .build();
        });
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "updateProgramme",
            summary = "Change a programme",
            description = "Replaces its details (not its code); `If-Match` must carry the current ETag. A published"
                    + " programme's change publishes `programme.updated`.")
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "Archived (`illegal-programme-transition`)")
    @APIResponse(responseCode = "412", description = "If-Match is stale: read it again")
    @APIResponse(responseCode = "422", description = "A field breaks a rule")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response change(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "The programme's ETag as read", example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull ProgrammeRequest request) {
        long expected = EntityVersions.fromIfMatch(ifMatch);
        return withVersion(programmes.change(id, request.toDetails(), expected), Response.Status.OK);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "publishProgramme",
            summary = "Publish a programme",
            description = "DRAFT → PUBLISHED; publishes `programme.published`.")
    @APIResponse(
            responseCode = "200",
            description = "Published",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "Not a draft (`illegal-programme-transition`)")
    public Response publish(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(programmes.publish(id), Response.Status.OK);
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "archiveProgramme",
            summary = "Archive a programme",
            description = "→ ARCHIVED: no new applications; its open intakes close. Publishes `programme.archived`"
                    + " if it was published.")
    @APIResponse(
            responseCode = "200",
            description = "Archived",
            content = @Content(schema = @Schema(implementation = ProgrammeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "Already archived")
    public Response archive(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(programmes.archive(id), Response.Status.OK);
    }

    @POST
    @Path("/{id}/intakes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "createIntake",
            summary = "Plan an intake",
            description = "A new intake (omgång), PLANNED; it opens when its window opens if the programme is"
                    + " published (or by `POST /api/v1/intakes/{id}/open`).")
    @APIResponse(
            responseCode = "201",
            description = "Planned; Location names the intake",
            content = @Content(schema = @Schema(implementation = IntakeResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown programme")
    @APIResponse(responseCode = "409", description = "The programme is archived")
    @APIResponse(responseCode = "422", description = "A field breaks a rule (window, dates, partners, counties)")
    public Response planIntake(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Valid @NotNull IntakeRequest request) {
        return idempotent.once(idempotencyKey, "POST /api/v1/programmes/" + id + "/intakes", request, () -> {
            Intake intake = programmes.planIntake(id, request.toDetails());
            return Response.created(URI.create("/api/v1/intakes/" + intake.id()))
                    .tag(EntityVersions.etag(intake.version()))
                    .entity(IntakeResponse.of(intake))
                    .build();
        });
    }

    @GET
    @Path("/{id}/report")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "getProgrammeReport",
            summary = "A programme's report",
            description = "For funders: per application the company (organisation number, name, municipality, size"
                    + " class, SNI section), its status and the hours logged; totals. No personal data.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(schema = @Schema(implementation = ProgrammeReport.Report.class)))
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public ProgrammeReport.Report report(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return programmes.report(id);
    }

    @GET
    @Path("/{id}/report.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "exportProgrammeReport",
            summary = "A programme's report as CSV",
            description =
                    "The report's lines for Excel: UTF-8 with a byte order mark, semicolon-separated, a header row.")
    @APIResponse(responseCode = "200", description = "The CSV", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "Unknown programme")
    public Response reportCsv(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        ProgrammeReport.Report report = programmes.report(id);
        SpreadsheetCsv csv = SpreadsheetCsv.withHeader(
                "Omgång",
                "Organisationsnummer",
                "Företag",
                "Kommun",
                "Storleksklass",
                "SNI-avdelning",
                "Status",
                "Timmar");
        for (ProgrammeReport.Line line : report.lines()) {
            csv.row(
                    line.intakeId().toString(),
                    line.organisationNumber(),
                    line.companyName(),
                    line.municipalityCode(),
                    line.sizeClass(),
                    line.sniSection(),
                    line.status().name(),
                    line.hours().toPlainString());
        }
        return Response.ok(csv.toString(), SpreadsheetCsv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"programme-" + id + ".csv\"")
                .build();
    }

    private Response withVersion(Programme programme, Response.Status status) {
        return Response.status(status)
                .entity(ProgrammeResponse.of(programme, programmes.intakesOf(programme.id())))
                .tag(EntityVersions.etag(programme.version()))
                .build();
    }
}
