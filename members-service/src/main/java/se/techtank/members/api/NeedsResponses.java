package se.techtank.members.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.FocusArea;
import se.techtank.members.domain.Company;
import se.techtank.members.domain.CurrentNeed;
import se.techtank.members.domain.NeedsAssessment;

/** Response bodies of the needs operations. */
final class NeedsResponses {

    private NeedsResponses() {}

    @Schema(name = "NeedsAssessment")
    record Assessment(
            UUID id,
            UUID companyId,
            LocalDate assessedOn,

            @Schema(description = "The token subject of who assessed")
            String assessedBy,

            @Schema(description = "True when the company assessed itself (a member user)")
            boolean selfAssessment,

            List<Item> needs,
            OffsetDateTime createdAt) {

        static Assessment of(NeedsAssessment assessment) {
            return new Assessment(
                    assessment.id(),
                    assessment.companyId(),
                    assessment.assessedOn(),
                    assessment.assessedBy(),
                    assessment.selfAssessment(),
                    assessment.items().stream()
                            .map(item -> new Item(item.focusArea(), item.priority(), item.note()))
                            .toList(),
                    assessment.createdAt());
        }
    }

    @Schema(name = "AssessedNeedItem")
    record Item(FocusArea focusArea, int priority, String note) {}

    @Schema(name = "CurrentNeeds", description = "The latest priority per focus area, highest first")
    record Current(UUID companyId, List<Need> needs) {

        static Current of(Company company) {
            return new Current(
                    company.id(), company.needs().stream().map(Need::of).toList());
        }
    }

    @Schema(name = "CurrentNeed")
    record Need(FocusArea focusArea, int priority, LocalDate assessedOn) {

        static Need of(CurrentNeed need) {
            return new Need(need.focusArea(), need.priority(), need.assessedOn());
        }
    }
}
