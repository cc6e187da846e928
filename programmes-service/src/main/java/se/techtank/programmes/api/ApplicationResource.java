package se.techtank.programmes.api;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.kernel.OrganisationNumber;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageParameters;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.query.QueryParameters;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;
import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.ApplicationStatus;
import se.techtank.programmes.query.ApplicationFilter;
import se.techtank.programmes.query.ApplicationList;
import se.techtank.programmes.service.ApplicationService;

/**
 * Applications and their decisions: {@code SUBMITTED → APPROVED | REJECTED | WAITLISTED}, {@code WAITLISTED →
 * APPROVED | REJECTED}, {@code APPROVED → ENROLLED → COMPLETED}, {@code WITHDRAWN} from any open state.
 */
@Path("/api/v1/applications")
@Tag(name = "Applications", description = "Company applications to programme intakes")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class ApplicationResource {

    private final ApplicationService applications;

    ApplicationResource(ApplicationService applications) {
        this.applications = applications;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.PARTNER})
    @Operation(
            operationId = "listApplications",
            summary = "List applications",
            description = "Staff see all, a member its own company's, a partner those of companies in its counties"
                    + " (and those it submitted). Newest first.")
    @APIResponse(
            responseCode = "200",
            description = "One page of applications",
            content = @Content(schema = @Schema(implementation = Pages.ApplicationPage.class)))
    @APIResponse(responseCode = "400", description = "A bad filter or paging parameter")
    public Page<ApplicationResponse> list(
            @Parameter(description = "Of this programme") @QueryParam("programmeId") String programmeId,
            @Parameter(description = "Of this intake") @QueryParam("intakeId") String intakeId,
            @Parameter(description = "In this status", example = "SUBMITTED") @QueryParam("status") String status,
            @Parameter(description = "Of this company", example = "556677-8899") @QueryParam("organisationNumber")
                    String organisationNumber,
            @Parameter(description = "Changed at or after (ISO 8601 with offset)", example = "2026-11-01T00:00:00Z")
                    @QueryParam("modifiedSince")
                    String modifiedSince,
            @BeanParam PageParameters paging,
            @Parameter(
                            description = "`submittedAt` or `modifiedAt`, with `,asc` or `,desc`",
                            example = "submittedAt,desc",
                            schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
                    @QueryParam("sort")
                    List<String> sort) {
        var filter = new AtomicReference<ApplicationFilter>();
        var request = new AtomicReference<PageRequest>();
        InvalidRequestException.collect(
                () -> filter.set(filter(programmeId, intakeId, status, organisationNumber, modifiedSince)),
                () -> request.set(PageRequest.parse(
                        paging.page(), paging.size(), sort, ApplicationList.SORTABLE, "submittedAt,desc")));
        return applications.list(filter.get(), request.get()).map(ApplicationResponse::of);
    }

    private static ApplicationFilter filter(
            String programmeId, String intakeId, String status, String organisationNumber, String modifiedSince) {
        QueryParameters parameters = new QueryParameters();
        UUID programme = parameters.uuid("programmeId", programmeId);
        UUID intake = parameters.uuid("intakeId", intakeId);
        ApplicationStatus state = parameters.oneOf("status", status, ApplicationStatus.class);
        String number = QueryParameters.text(organisationNumber);
        if (number != null) {
            if (OrganisationNumber.isValid(number)) {
                number = OrganisationNumber.of(number).value();
            } else {
                parameters.reject("organisationNumber", "must be a Swedish organisation number, e.g. 556677-8899");
            }
        }
        var since = parameters.time("modifiedSince", modifiedSince);
        parameters.throwIfInvalid("The list parameters are invalid.");
        return new ApplicationFilter(
                programme, intake, state, number, since == null ? null : since.toInstant(), null, null, null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.PARTNER})
    @Operation(
            operationId = "getApplication",
            summary = "Read an application",
            description = "As far as the caller may see it (see the list).")
    @APIResponse(
            responseCode = "200",
            description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's to see")
    public Response get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return withVersion(applications.get(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.PARTNER})
    @Operation(
            operationId = "getApplicationHistory",
            summary = "An application's history",
            description = "Who moved it, when, from which state to which, why.")
    @APIResponse(
            responseCode = "200",
            description = "Oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TransitionResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's to see")
    public List<TransitionResponse> history(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return applications.history(id).stream().map(TransitionResponse::of).toList();
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "approveApplication",
            summary = "Approve",
            description = "SUBMITTED or WAITLISTED → APPROVED; takes one of the intake's seats (exact under any"
                    + " load). Publishes `application.approved`.")
    @APIResponse(
            responseCode = "200",
            description = "Approved",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown application")
    @APIResponse(
            responseCode = "409",
            description = "No seat left (`intake-full`), or not allowed from its state"
                    + " (`illegal-application-transition`, naming it)")
    public Response approve(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid DecisionRequest decision) {
        return move(id, ApplicationStatus.APPROVED, decision);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "rejectApplication",
            summary = "Reject",
            description = "SUBMITTED or WAITLISTED → REJECTED. Publishes `application.rejected`.")
    @APIResponse(
            responseCode = "200",
            description = "Rejected",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown application")
    @APIResponse(responseCode = "409", description = "Not allowed from its state (`illegal-application-transition`)")
    public Response reject(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid DecisionRequest decision) {
        return move(id, ApplicationStatus.REJECTED, decision);
    }

    @POST
    @Path("/{id}/waitlist")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "waitlistApplication",
            summary = "Waitlist",
            description = "SUBMITTED → WAITLISTED. Publishes `application.waitlisted`.")
    @APIResponse(
            responseCode = "200",
            description = "Waitlisted",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown application")
    @APIResponse(responseCode = "409", description = "Not allowed from its state (`illegal-application-transition`)")
    public Response waitlist(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid DecisionRequest decision) {
        return move(id, ApplicationStatus.WAITLISTED, decision);
    }

    @POST
    @Path("/{id}/enroll")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "enrollApplication",
            summary = "Enroll",
            description = "APPROVED → ENROLLED. Publishes `application.enrolled`.")
    @APIResponse(
            responseCode = "200",
            description = "Enrolled",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown application")
    @APIResponse(responseCode = "409", description = "Not allowed from its state (`illegal-application-transition`)")
    public Response enroll(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid DecisionRequest decision) {
        return move(id, ApplicationStatus.ENROLLED, decision);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "completeApplication",
            summary = "Complete",
            description = "ENROLLED → COMPLETED. Publishes `application.completed`.")
    @APIResponse(
            responseCode = "200",
            description = "Completed",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown application")
    @APIResponse(responseCode = "409", description = "Not allowed from its state (`illegal-application-transition`)")
    public Response complete(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid DecisionRequest decision) {
        return move(id, ApplicationStatus.COMPLETED, decision);
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.PARTNER})
    @Operation(
            operationId = "withdrawApplication",
            summary = "Withdraw",
            description = "From any open state → WITHDRAWN, by staff or the applicant's side (the member, or a"
                    + " partner who may see it); a seat held is given back. Publishes `application.withdrawn`.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = ApplicationResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's to see")
    @APIResponse(
            responseCode = "409",
            description = "Already decided against or over (`illegal-application-transition`)")
    public Response withdraw(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Valid DecisionRequest decision) {
        return move(id, ApplicationStatus.WITHDRAWN, decision);
    }

    private Response move(UUID id, ApplicationStatus target, DecisionRequest decision) {
        return withVersion(applications.move(id, target, decision == null ? null : decision.reason()));
    }

    private static Response withVersion(Application application) {
        return Response.ok(ApplicationResponse.of(application))
                .tag(EntityVersions.etag(application.version()))
                .build();
    }
}
