package se.techtank.programmes.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shapes of the pages (the generic Page type has no schema of its own per item type). */
final class Pages {

    private Pages() {}

    @Schema(name = "ProgrammePage", description = "One page of programmes")
    record ProgrammePage(List<ProgrammeResponse> items, int page, int size, long totalItems, int totalPages) {}

    @Schema(name = "ApplicationPage", description = "One page of applications")
    record ApplicationPage(List<ApplicationResponse> items, int page, int size, long totalItems, int totalPages) {}
}
