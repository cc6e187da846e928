package se.techtank.members.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.FocusArea;
import se.techtank.members.domain.NeedsAssessment;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.validation.FieldRules;

@Schema(
        name = "NeedsAssessmentRequest",
        description = "A needs assessment (behovsanalys): a priority 1-5 and a note per focus area",
        examples = """
                {"assessedOn": "2026-10-15",
                 "needs": [{"focusArea": "AUTOMATION", "priority": 5, "note": "Robotcell för svetsning"},
                           {"focusArea": "COMPETENCE_SUPPLY", "priority": 3}]}
                """)
@FieldRules
public record NeedsAssessmentRequest(
        @Schema(description = "The day of the assessment; default today") @PastOrPresent
        LocalDate assessedOn,

        @NotEmpty @Size(max = 8) List<@NotNull @Valid Need> needs)
        implements FieldRules.Checked {

    /**
     * Each focus area at most once: checked by bean validation with the field annotations ({@link FieldRules}),
     * so that a 422 lists it together with, say, a priority out of range.
     */
    @Override
    public List<FieldError> brokenRules() {
        if (needs == null) {
            return List.of();
        }
        List<FocusArea> areas = needs.stream()
                .filter(Objects::nonNull)
                .map(Need::focusArea)
                .filter(Objects::nonNull)
                .toList();
        return areas.stream().distinct().count() == areas.size()
                ? List.of()
                : List.of(new FieldError("needs", "each focus area at most once"));
    }

    @Schema(name = "AssessedNeed")
    public record Need(
            @Schema(required = true) @NotNull FocusArea focusArea,

            @Schema(description = "1 (low) to 5 (urgent)", required = true) @NotNull @Min(1) @Max(5)
            Integer priority,

            @Size(max = 2000) String note) {}

    List<NeedsAssessment.Item> items() {
        return needs.stream()
                .map(need -> new NeedsAssessment.Item(need.focusArea(), need.priority(), need.note()))
                .toList();
    }
}
