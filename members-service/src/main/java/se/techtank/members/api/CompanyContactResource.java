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

import se.techtank.members.domain.Contact;
import se.techtank.members.service.ContactService;
import se.techtank.platform.idempotency.IdempotencyKeyHeader;
import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageParameters;
import se.techtank.platform.paging.PageRequest;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;

/** A company's contact persons: adding one and listing them. */
@Path("/api/v1/companies/{companyId}/contacts")
@Tag(name = "Contacts", description = "Contact persons of companies (personal data), with GDPR access and erasure")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class CompanyContactResource {

    private final ContactService contacts;

    private final IdempotentRequests idempotent;

    CompanyContactResource(ContactService contacts, IdempotentRequests idempotent) {
        this.contacts = contacts;
        this.idempotent = idempotent;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "createCompanyContact",
            summary = "Add a contact person to a company",
            description = "Staff add contacts to any company, a member only to its own. Every consent is recorded "
                    + "as given or not at this time. Publishes `se.techtank.members.contact.added` on "
                    + "`members.contact.v1`.")
    @APIResponse(
            responseCode = "201",
            description = "Added; `Location` points to the contact, `ETag` carries its version",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON or unknown field (type `…/unknown-field`, `errors` names it)")
    @APIResponse(responseCode = "403", description = "Role not allowed (municipality, partner)")
    @APIResponse(responseCode = "404", description = "Unknown company, or not the caller's")
    @APIResponse(
            responseCode = "409",
            description = "The company already has a contact with this e-mail address, in any letter case "
                    + "(type `…/duplicate-contact-email`)")
    @APIResponse(
            responseCode = "422",
            description = "Invalid fields, such as e-mail, phone, language or an unknown consent (type "
                    + "`…/validation-failed`, `errors` lists them)")
    public Response add(
            @PathParam("companyId") @Schema(type = SchemaType.STRING, format = "uuid") UUID companyId,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Valid @NotNull ContactRequest request) {
        return idempotent.once(idempotencyKey, "POST /api/v1/companies/" + companyId + "/contacts", request, () -> {
            Contact contact = contacts.add(companyId, request.toDetails());
            return Response.created(URI.create("/api/v1/contacts/" + contact.id()))
                    .tag(EntityVersions.etag(contact.version()))
                    .entity(ContactResponse.of(contact))
                    .build();
        });
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "listCompanyContacts",
            summary = "List a company's contact persons",
            description = "Staff list any company's contacts, a member only its own company's. Erased contacts "
                    + "are left out (read one by id to see it as erased).")
    @APIResponse(
            responseCode = "200",
            description = "One page of contacts",
            content = @Content(schema = @Schema(implementation = ContactPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "A malformed page, size (1–100) or sort (type `…/invalid-request`, `errors` names it)")
    @APIResponse(responseCode = "403", description = "Role not allowed (municipality, partner)")
    @APIResponse(responseCode = "404", description = "Unknown company, or not the caller's")
    public Page<ContactResponse> list(
            @PathParam("companyId") @Schema(type = SchemaType.STRING, format = "uuid") UUID companyId,
            @BeanParam PageParameters paging,
            @Parameter(
                            description = "`name`, `createdAt` or `modifiedAt`, then `,asc` or `,desc`; repeatable "
                                    + "(default `name,asc`)",
                            example = "name,asc")
                    @QueryParam("sort")
                    List<String> sort) {
        PageRequest request = PageRequest.parse(
                paging.page(), paging.size(), sort, ContactService.SORTABLE, ContactService.DEFAULT_SORT);
        return contacts.list(companyId, request).map(ContactResponse::of);
    }
}
