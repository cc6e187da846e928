package se.techtank.programmes.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision's reason, kept in the application's history; optional. */
@Schema(name = "Decision", examples = "{\"reason\": \"Stämmer väl med programmets inriktning.\"}")
record DecisionRequest(
        @Schema(description = "Why") @Size(max = 2000) String reason) {}
