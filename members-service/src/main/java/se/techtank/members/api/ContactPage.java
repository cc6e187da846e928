package se.techtank.members.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of contacts (the generic Page type has no schema of its own per item type). */
@Schema(name = "ContactPage", description = "One page of a company's contacts")
record ContactPage(List<ContactResponse> items, int page, int size, long totalItems, int totalPages) {}
