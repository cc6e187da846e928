package se.techtank.members.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import se.techtank.members.domain.Contact;
import se.techtank.members.service.ContactService;
import se.techtank.platform.security.Roles;
import se.techtank.platform.versioning.EntityVersions;

/** One contact person: read, update, remove, and the person's GDPR rights (access, erasure). */
@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "Contact persons of companies (personal data), with GDPR access and erasure")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactService contacts;

    ContactResource(ContactService contacts) {
        this.contacts = contacts;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "getContact",
            summary = "Read a contact person",
            description = "Staff read any contact, a member only its own company's; any other id answers 404. "
                    + "An erased contact shows as `erased`, without name, e-mail or phone.")
    @APIResponse(
            responseCode = "200",
            description = "The contact; `ETag` carries its version",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed (municipality, partner)")
    @APIResponse(responseCode = "404", description = "Unknown, or not a contact of the caller's company")
    public Response get(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        Contact contact = contacts.get(id);
        return Response.ok(ContactResponse.of(contact))
                .tag(EntityVersions.etag(contact.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "updateContact",
            summary = "Update a contact person",
            description = "Replaces the contact's details and consents; send the `ETag` you read as `If-Match`. "
                    + "A consent whose value changes is stamped with the time of this update. Staff update any "
                    + "contact, a member only its own company's. Publishes `se.techtank.members.contact.updated` "
                    + "when anything changed.")
    @APIResponse(
            responseCode = "200",
            description = "Updated; `ETag` carries the new version",
            content = @Content(schema = @Schema(implementation = ContactResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, unknown field or malformed If-Match")
    @APIResponse(responseCode = "403", description = "Role not allowed (municipality, partner)")
    @APIResponse(responseCode = "404", description = "Unknown, or not a contact of the caller's company")
    @APIResponse(
            responseCode = "409",
            description = "Another contact of the company has this e-mail address (type "
                    + "`…/duplicate-contact-email`), or the contact was erased (type `…/contact-erased`)")
    @APIResponse(
            responseCode = "412",
            description = "Changed since it was read (type `…/stale-version`): read it again")
    @APIResponse(responseCode = "422", description = "Invalid fields (type `…/validation-failed`, `errors` lists them)")
    @APIResponse(responseCode = "428", description = "No If-Match (type `…/if-match-required`)")
    public Response update(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id,
            @Parameter(description = "The contact's ETag as last read", example = "\"3\"")
                    @HeaderParam(HttpHeaders.IF_MATCH)
                    String ifMatch,
            @Valid @NotNull ContactRequest request) {
        Contact contact = contacts.update(id, request.toDetails(), EntityVersions.fromIfMatch(ifMatch));
        return Response.ok(ContactResponse.of(contact))
                .tag(EntityVersions.etag(contact.version()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.MEMBER})
    @Operation(
            operationId = "deleteContact",
            summary = "Remove a contact person from the company",
            description = "Deletes the contact and its consents (the person no longer is a contact of the "
                    + "company). Staff remove any contact, a member only its own company's. Publishes "
                    + "`se.techtank.members.contact.removed` with the last state, without name, e-mail or phone. "
                    + "An erased contact is kept, anonymous, for statistics and cannot be removed.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Role not allowed (municipality, partner)")
    @APIResponse(
            responseCode = "404",
            description = "Unknown (or already removed), or not a contact of the caller's company")
    @APIResponse(responseCode = "409", description = "The contact was erased (type `…/contact-erased`)")
    public Response remove(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        contacts.remove(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/personal-data")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "getContactPersonalData",
            summary = "Export everything held about a contact person (GDPR access)",
            description = "For a data subject access request (GDPR art. 15), staff only: the contact with all its "
                    + "fields, the history of its consents, and the company it belongs to. Works for an erased "
                    + "contact too (showing what is left).")
    @APIResponse(
            responseCode = "200",
            description = "Everything held about the person",
            content = @Content(schema = @Schema(implementation = ContactPersonalDataResponse.class)))
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "Unknown contact")
    public ContactPersonalDataResponse personalData(
            @PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        return ContactPersonalDataResponse.of(contacts.personalData(id));
    }

    @POST
    @Path("/{id}/erase")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "eraseContact",
            summary = "Erase a contact person (GDPR erasure)",
            description = "For a request to be forgotten (GDPR art. 17), staff only. Irreversibly removes the "
                    + "person's name, e-mail and phone, withdraws every consent and marks the contact erased; the "
                    + "anonymous rest (company, role, language, times) stays for statistics. Publishes "
                    + "`se.techtank.members.contact.erased` with that anonymous state, so that other services erase "
                    + "the person too and compaction drops the old personal data from Kafka. Idempotent: erasing "
                    + "an erased contact answers 204 again and publishes nothing.")
    @APIResponse(responseCode = "204", description = "Erased (now or before)")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "404", description = "Unknown contact")
    public Response erase(@PathParam("id") @Schema(type = SchemaType.STRING, format = "uuid") UUID id) {
        contacts.erase(id);
        return Response.noContent().build();
    }
}
