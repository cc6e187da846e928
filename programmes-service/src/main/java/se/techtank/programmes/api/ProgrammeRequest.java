package se.techtank.programmes.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.FocusArea;
import se.techtank.programmes.domain.Funder;
import se.techtank.programmes.domain.ProgrammeDetails;

/** A programme as staff write it; the code only when it is created. */
@Schema(name = "ProgrammeRequest", examples = """
                {"code": "ROBOTLYFTET", "name": {"sv": "Robotlyftet", "en": "The Robot Lift"},
                 "description": {"sv": "Automation för små och medelstora tillverkare."},
                 "owner": "IUC_SVERIGE", "funders": ["VINNOVA"], "focusAreas": ["AUTOMATION"],
                 "eligibility": {"maxEmployees": 249, "sniSections": ["C"]}}""")
record ProgrammeRequest(
        @Schema(
                description = "Unique code, upper case (only when creating; ignored on update)",
                examples = "ROBOTLYFTET")
        @Size(max = 40)
        @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,39}", message = "must be 2–40 upper-case letters, digits, _ or -")
        String code,

        @Schema(required = true) @NotNull @Valid Texts.Text name,
        @Schema(required = true) @NotNull @Valid Texts.Text description,

        @Schema(
                description = "IUC_SVERIGE for a national programme, else the owning partner's id",
                examples = "IUC_SVERIGE",
                required = true)
        @NotBlank
        @Size(max = 40)
        String owner,

        @Schema(description = "Who finances it") @Size(max = 6)
        List<@NotNull Funder> funders,

        @Schema(description = "The focus areas it serves") @Size(max = 8)
        List<@NotNull FocusArea> focusAreas,

        @Schema(description = "Who may apply") @Valid EligibilityRulesBody eligibility) {

    ProgrammeDetails toDetails() {
        return new ProgrammeDetails(
                name.toText(),
                description.toText(),
                owner.strip(),
                funders,
                focusAreas,
                eligibility == null ? null : eligibility.toRules());
    }
}
