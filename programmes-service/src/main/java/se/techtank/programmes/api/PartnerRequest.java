package se.techtank.programmes.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.ValidCountyCode;

/** A partner IUC; its id only when it is added. */
@Schema(name = "PartnerRequest", examples = "{\"id\": \"iuc-syd\", \"name\": \"IUC Syd\", \"counties\": [\"12\"]}")
record PartnerRequest(
        @Schema(description = "Slug, the partner_id claim of its tokens (only when adding)", examples = "iuc-syd")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be 2–40 lower-case letters, digits or -")
        String id,

        @Schema(examples = "IUC Syd", required = true) @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "County codes it serves", examples = "[\"12\"]", required = true) @NotNull @Size(max = 21)
        List<@NotNull @ValidCountyCode String> counties) {}
