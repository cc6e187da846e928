package se.techtank.members.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.members.domain.Company;
import se.techtank.members.domain.FeeTier;
import se.techtank.members.domain.MembershipStatus;
import se.techtank.members.domain.MembershipTransition;

@Schema(name = "Membership", description = "A company's membership; memberships run per calendar year")
public record MembershipResponse(
        UUID companyId,

        @Schema(description = "Absent when the company never applied")
        MembershipStatus status,

        @Schema(description = "When the membership started") LocalDate since,

        @Schema(description = "The last day of the last year paid for (or the end date once terminated)")
        LocalDate validUntil,

        @Schema(description = "Fee tier, from the EU size class at approval")
        FeeTier feeTier) {

    static MembershipResponse of(Company company) {
        return new MembershipResponse(
                company.id(),
                company.membershipStatus().orElse(null),
                company.membershipSince().orElse(null),
                company.membershipValidUntil().orElse(null),
                company.feeTier().orElse(null));
    }

    @Schema(name = "MembershipTransition", description = "One change of the membership: who, when, from, to, why")
    public record Transition(
            MembershipStatus from,
            MembershipStatus to,
            String reason,
            LocalDate effectiveDate,

            @Schema(description = "The token subject of who did it, `anonymous` for the public form, or `system:…`")
            String actor,

            OffsetDateTime at) {

        static Transition of(MembershipTransition transition) {
            return new Transition(
                    transition.from(),
                    transition.to(),
                    transition.reason(),
                    transition.effectiveDate(),
                    transition.actor(),
                    transition.occurredAt());
        }
    }
}
