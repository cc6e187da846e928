package se.techtank.programmes.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.platform.security.Roles;
import se.techtank.platform.validation.EmailAddress;
import se.techtank.platform.validation.ValidEmailAddress;
import se.techtank.programmes.service.ApplicantErasure;

/** GDPR for applicants' contact persons who are no member company's contact (those are erased in members-service). */
@Path("/api/v1/applicants")
@Tag(name = "Applicants", description = "The right to erasure of applications' contact persons")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicantResource {

    private final ApplicantErasure erasure;

    ApplicantResource(ApplicantErasure erasure) {
        this.erasure = erasure;
    }

    @Schema(name = "EraseApplicant", examples = "{\"email\": \"lina.holm@oresundprecision.example.se\"}")
    record Erase(
            @Schema(required = true) @NotBlank @ValidEmailAddress
            String email) {}

    @Schema(name = "ApplicantErased")
    record Erased(
            @Schema(description = "Applications that lost the contact now")
            int applications) {}

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "eraseApplicant",
            summary = "Erase an applicant",
            description = "Removes the contact person with this e-mail address (whatever its letter case) from every"
                    + " application: name, e-mail and motivation go; company, status, eligibility and history stay"
                    + " for the reports. Irreversible; again changes nothing. Each publishes"
                    + " `application.anonymised`, and the application's earlier events are deleted from the outbox."
                    + " Staff only.")
    @APIResponse(
            responseCode = "200",
            description = "How many applications lost the contact now",
            content = @Content(schema = @Schema(implementation = Erased.class)))
    @APIResponse(responseCode = "401", description = "Invalid or expired token")
    @APIResponse(responseCode = "403", description = "Not staff")
    @APIResponse(responseCode = "422", description = "Not an e-mail address")
    public Erased erase(@Valid @NotNull Erase request) {
        return new Erased(erasure.erase(EmailAddress.of(request.email())));
    }
}
