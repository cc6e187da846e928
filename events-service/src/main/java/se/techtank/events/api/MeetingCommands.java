package se.techtank.events.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the meeting and registration commands. */
public final class MeetingCommands {

    private MeetingCommands() {}

    @Schema(name = "Reason", description = "Why", examples = "{\"reason\": \"Too few registrations\"}")
    public record Reason(
            @Schema(description = "Told to everyone concerned", required = true) @NotBlank @Size(max = 1000)
            String reason) {}

    @Schema(
            name = "CheckIn",
            description = "Who arrived: the check-in code from the confirmation, or the registration's id",
            examples = "{\"code\": \"K7MPX2\"}")
    public record CheckIn(
            @Schema(description = "The six-character check-in code", examples = "K7MPX2") @Size(max = 20)
            String code,

            @Schema(description = "Or the registration's id")
            java.util.UUID registrationId) {}

    @Schema(
            name = "AttendeeErasure",
            description = "Whom to erase",
            examples = "{\"email\": \"erik.svensson@example.se\"}")
    public record Erase(
            @Schema(required = true) @NotBlank @se.techtank.platform.validation.ValidEmailAddress
            String email) {}

    @Schema(name = "AttendeeErased", description = "How many registrations were anonymised")
    public record Erased(int anonymisedRegistrations) {}
}
