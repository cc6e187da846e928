package se.techtank.programmes.api;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.ValidCountyCode;
import se.techtank.kernel.ValidMunicipalityCode;
import se.techtank.programmes.domain.EligibilityRules;

/** A programme's eligibility rules as the API reads and writes them; each optional. */
@Schema(name = "EligibilityRules", description = "Who may apply; every rule is optional and all must pass")
record EligibilityRulesBody(
        @Schema(description = "At most so many employees", examples = "249") @Min(1)
        Integer maxEmployees,

        @Schema(description = "Size classes", examples = "[\"MICRO\", \"SMALL\", \"MEDIUM\"]") @Size(max = 4)
        List<
                        @NotNull
                        @Pattern(regexp = "MICRO|SMALL|MEDIUM|LARGE", message = "must be MICRO, SMALL, MEDIUM or LARGE")
                        String>
                sizeClasses,

        @Schema(description = "SNI 2007 sections (letters A–U)", examples = "[\"C\"]") @Size(max = 21)
        List<@NotNull @Pattern(regexp = "[A-U]", message = "must be an SNI section letter A–U") String> sniSections,

        @Schema(description = "SNI 2007 divisions (two digits)", examples = "[\"25\", \"28\"]") @Size(max = 99)
        List<@NotNull @Pattern(regexp = "\\d{2}", message = "must be an SNI division of two digits") String>
                sniDivisions,

        @Schema(description = "County codes (länskod)", examples = "[\"10\", \"12\"]") @Size(max = 21)
        List<@NotNull @ValidCountyCode String> counties,

        @Schema(description = "Municipality codes", examples = "[\"1080\"]") @Size(max = 290)
        List<@NotNull @ValidMunicipalityCode String> municipalities,

        @Schema(description = "An active Techtank membership is required")
        Boolean activeMembership) {

    EligibilityRules toRules() {
        return new EligibilityRules(
                maxEmployees, sizeClasses, sniSections, sniDivisions, counties, municipalities, activeMembership);
    }

    static EligibilityRulesBody of(EligibilityRules rules) {
        return new EligibilityRulesBody(
                rules.maxEmployees(),
                rules.sizeClasses(),
                rules.sniSections(),
                rules.sniDivisions(),
                rules.counties(),
                rules.municipalities(),
                rules.activeMembership());
    }
}
