package se.techtank.programmes.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;
import se.techtank.programmes.domain.Partner;
import se.techtank.programmes.service.PartnerService;

/** The partner IUCs that run intakes and apply for companies in their counties. */
@Path("/api/v1/partners")
@Tag(name = "Partners", description = "Partner IUCs (IUC Syd, …) and the counties they serve")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
public class PartnerResource {

    private final PartnerService partners;

    PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.PARTNER, Roles.MEMBER, Roles.MUNICIPALITY})
    @Operation(operationId = "listPartners", summary = "List partners", description = "Every partner IUC, by id.")
    @APIResponse(
            responseCode = "200",
            description = "The partners",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PartnerResponse.class)))
    public List<PartnerResponse> list() {
        return partners.list().stream().map(PartnerResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.PARTNER, Roles.MEMBER, Roles.MUNICIPALITY})
    @Operation(operationId = "getPartner", summary = "Read a partner")
    @APIResponse(
            responseCode = "200",
            description = "The partner; ETag carries its version",
            content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown partner")
    public Response get(@PathParam("id") String id) {
        return withVersion(partners.get(id), Response.ok());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "createPartner",
            summary = "Add a partner",
            description = "Its id is the `partner_id` claim of its tokens.")
    @APIResponse(
            responseCode = "201",
            description = "Added; Location names it",
            content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "409", description = "The id is taken (`duplicate-partner`)")
    @APIResponse(responseCode = "422", description = "A field breaks a rule")
    public Response add(@Valid @NotNull PartnerRequest request) {
        if (request.id() == null) {
            throw new RuleViolationException("id", "must not be null");
        }
        Partner partner = partners.add(request.id(), request.name(), request.counties());
        return withVersion(partner, Response.created(URI.create("/api/v1/partners/" + partner.id())));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "updatePartner",
            summary = "Change a partner",
            description = "Name and counties; `If-Match` must carry the current ETag.")
    @APIResponse(
            responseCode = "200",
            description = "Changed; the new ETag",
            content = @Content(schema = @Schema(implementation = PartnerResponse.class)))
    @APIResponse(responseCode = "404", description = "Unknown partner")
    @APIResponse(responseCode = "412", description = "If-Match is stale")
    @APIResponse(responseCode = "422", description = "A field breaks a rule")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response change(
            @PathParam("id") String id,
            @Parameter(description = "The partner's ETag as read", example = "\"0\"") @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull PartnerRequest request) {
        long expected = EntityVersions.fromIfMatch(ifMatch);
        return withVersion(partners.change(id, request.name(), request.counties(), expected), Response.ok());
    }

    private static Response withVersion(Partner partner, Response.ResponseBuilder builder) {
        return builder.entity(PartnerResponse.of(partner))
                .tag(EntityVersions.etag(partner.version()))
                .build();
    }
}
