package se.techtank.notifications.api;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.service.MailComposer;
import se.techtank.notifications.service.Previews;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.security.Roles;

/** What a kind's mail looks like, from sample data, in both languages. */
@Path("/api/v1/notification-kinds")
@Tag(name = "Notification kinds", description = "The mails there are, previewed from sample data")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "Invalid or expired token")
@APIResponse(responseCode = "403", description = "Not staff")
public class PreviewResource {

    private final Previews previews;

    PreviewResource(Previews previews) {
        this.previews = previews;
    }

    @Schema(name = "MailPreview", description = "A mail as it would be sent")
    public record MailPreview(
            String subject,
            @Schema(description = "The text part") String text,
            @Schema(description = "The HTML part") String html,

            @Schema(description = "The attached iCalendar entry, for kinds that carry one")
            String calendar,

            @Schema(description = "The List-Unsubscribe link, for optional kinds")
            String unsubscribeLink) {}

    @Schema(name = "MailPreviews", description = "A kind's mail in both languages")
    public record MailPreviews(MailPreview sv, MailPreview en) {}

    @POST
    @Path("/{kind}/preview")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            operationId = "previewNotification",
            summary = "Preview a kind's mail",
            description = "Staff: the mail written from sample data (a meeting on Tuesday 8 December 2026 in"
                    + " Karlshamn, Anna Berg of Karlshamns Gjuteri AB), in Swedish (`sv`) and English (`en`)."
                    + " Nothing is sent.")
    @APIResponse(
            responseCode = "200",
            description = "The mail in Swedish and English",
            content = @Content(schema = @Schema(implementation = MailPreviews.class)))
    @APIResponse(responseCode = "404", description = "No such kind, or a kind that is not a mail")
    public MailPreviews preview(@PathParam("kind") String kind) {
        NotificationKind parsed;
        try {
            parsed = NotificationKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Notification kind", kind);
        }
        Map<String, MailComposer.ComposedMail> mails =
                previews.preview(parsed).orElseThrow(() -> new NotFoundException("Notification kind", kind));
        return new MailPreviews(of(mails.get("sv")), of(mails.get("en")));
    }

    private static MailPreview of(MailComposer.ComposedMail mail) {
        return new MailPreview(
                mail.subject(),
                mail.text(),
                mail.html(),
                mail.calendar().orElse(null),
                mail.unsubscribeLink().orElse(null));
    }
}
