package se.techtank.programmes.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.FocusArea;
import se.techtank.programmes.domain.Funder;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.Programme;
import se.techtank.programmes.domain.ProgrammeStatus;

/** A programme with its intakes. */
@Schema(name = "Programme")
record ProgrammeResponse(
        UUID id,
        String code,
        Texts.Text name,
        Texts.Text description,
        String owner,
        List<Funder> funders,
        List<FocusArea> focusAreas,
        EligibilityRulesBody eligibility,
        ProgrammeStatus status,
        List<IntakeResponse> intakes,
        OffsetDateTime createdAt,
        OffsetDateTime modifiedAt) {

    static ProgrammeResponse of(Programme programme, List<Intake> intakes) {
        return new ProgrammeResponse(
                programme.id(),
                programme.code(),
                Texts.Text.of(programme.name()),
                Texts.Text.of(programme.description()),
                programme.owner(),
                programme.funders(),
                programme.focusAreas(),
                EligibilityRulesBody.of(programme.eligibility()),
                programme.status(),
                intakes.stream().map(IntakeResponse::of).toList(),
                Texts.stockholm(programme.createdAt()),
                Texts.stockholm(programme.modifiedAt()));
    }
}
