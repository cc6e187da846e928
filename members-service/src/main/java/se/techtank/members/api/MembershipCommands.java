package se.techtank.members.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the membership commands. */
final class MembershipCommands {

    private MembershipCommands() {}

    @Schema(name = "ApproveMembershipRequest", examples = "{\"startDate\": \"2026-11-01\"}")
    record Approve(
            @Schema(description = "First day of the membership; default today")
            LocalDate startDate) {}

    @Schema(name = "MembershipReasonRequest", examples = "{\"reason\": \"Unpaid invoice 2026\"}")
    record Reason(
            @Schema(required = true) @NotBlank @Size(max = 500)
            String reason) {}

    @Schema(
            name = "TerminateMembershipRequest",
            examples = "{\"reason\": \"The company was sold\", \"endDate\": \"2026-12-31\"}")
    record Terminate(
            @Schema(required = true) @NotBlank @Size(max = 500)
            String reason,

            @Schema(description = "Last day of the membership; default today")
            LocalDate endDate) {}

    @Schema(name = "RenewMembershipRequest", examples = "{\"year\": 2027}")
    record Renew(
            @Schema(description = "The calendar year paid for", required = true) @NotNull @Min(2015) @Max(2100)
            Integer year) {}
}
