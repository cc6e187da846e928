package se.techtank.members.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.util.RawValue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.members.domain.Company;
import se.techtank.members.query.CompanyFilter;
import se.techtank.members.service.CompanyService;
import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageParameters;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.problem.InvalidRequestException;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;

@Path("/api/v1/companies")
@Tag(name = "Companies", description = "Member companies of Techtank and other companies it works with")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyResource {

    private final CompanyService companies;
    private final IdempotentRequests idempotent;

    CompanyResource(CompanyService companies, IdempotentRequests idempotent) {
        this.companies = companies;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "createCompany",
            summary = "Register a company",
            description = "Adds a company to the register (staff only) and publishes "
                    + "`se.techtank.members.company.registered` on `members.company.v1`.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; `Location` points to the company",
            content = @Content(schema = @Schema(implementation = CompanyResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or unknown field")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(
            responseCode = "409",
            description = "Organisation number already registered (type `…/duplicate-organisation-number`)")
    @APIResponse(responseCode = "422", description = "Invalid fields (type `…/validation-failed`, `errors` lists them)")
    public Response register(
            @BeanParam IdempotencyKeyHeader idempotencyKey, @Valid @NotNull RegisterCompanyRequest request) {
        return idempotent.once(idempotencyKey, "POST /api/v1/companies", request, () -> {
            Company company = companies.register(request.toCommand());
            return Response.created(URI.create("/api/v1/companies/" + company.id()))
                    .tag(etag(company))
                    .entity(CompanyResponse.of(company))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.MUNICIPALITY})
    @Operation(
            operationId = "listCompanies",
            summary = "List and search companies",
            description = "Filters combine with AND. Staff see every company, a municipality user those in its "
                    + "municipality, a member only its own company.")
    @APIResponse(
            responseCode = "200",
            description = "One page of companies",
            content = @Content(schema = @Schema(implementation = CompanyPage.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "A malformed filter, page, size (1–100) or sort (type `…/invalid-request`, `errors` names it)")
    public Page<RawValue> list(
            @BeanParam CompanyListParameters filters,
            @BeanParam PageParameters paging,
            @Parameter(
                            description =
                                    "`name` or `modifiedAt`, then `,asc` or `,desc`; repeatable (default `name,asc`)",
                            example = "name,asc")
                    @QueryParam("sort")
                    List<String> sort) {
        var filter = new java.util.concurrent.atomic.AtomicReference<CompanyFilter>();
        var request = new java.util.concurrent.atomic.AtomicReference<PageRequest>();
        InvalidRequestException.collect(
                () -> filter.set(filters.filter()),
                () -> request.set(
                        PageRequest.parse(paging.page(), paging.size(), sort, CompanyFilter.SORTABLE, "name,asc")));
        // Each item is the company's CompanyResponse as JSON, written once per version of its row
        // (query.CompanyList): Jackson writes the page around them, so the body is what it was when Jackson
        // wrote Page<CompanyResponse>, and the documented schema stays CompanyPage (@APIResponse above).
        return companies.list(filter.get(), request.get(), CompanyResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER, Roles.MUNICIPALITY})
    @Operation(
            operationId = "getCompany",
            summary = "Read a company",
            description = "Staff read any company, a member only its own, a municipality user those in its "
                    + "municipality; any other id answers 404.")
    @APIResponse(
            responseCode = "200",
            description = "The company; `ETag` carries its version",
            content = @Content(schema = @Schema(implementation = CompanyResponse.class)))
    public Response get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        Company company = companies.get(id);
        return Response.ok(CompanyResponse.of(company)).tag(etag(company)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "updateCompany",
            summary = "Update a company's profile",
            description = "Replaces the profile (everything but the organisation number). Send the `ETag` you read "
                    + "as `If-Match`. Staff update any company, a member only its own. Publishes "
                    + "`se.techtank.members.company.updated` when anything changed.")
    @APIResponse(
            responseCode = "200",
            description = "Updated; `ETag` carries the new version",
            content = @Content(schema = @Schema(implementation = CompanyResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, unknown field or malformed If-Match")
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's company")
    @APIResponse(
            responseCode = "412",
            description = "Changed since it was read (type `…/stale-version`): read it again")
    @APIResponse(responseCode = "422", description = "Invalid fields")
    @APIResponse(responseCode = "428", description = "No If-Match (type `…/if-match-required`)")
    public Response update(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "The company's ETag as last read", example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull UpdateCompanyRequest request) {
        Company company = companies.update(id, request.toProfile(), EntityVersions.fromIfMatch(ifMatch));
        return Response.ok(CompanyResponse.of(company)).tag(etag(company)).build();
    }

    private static EntityTag etag(Company company) {
        return EntityVersions.etag(company.version());
    }
}
