package se.techtank.members.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of companies (the generic Page type has no schema of its own per item type). */
@Schema(name = "CompanyPage", description = "One page of companies")
record CompanyPage(List<CompanyResponse> items, int page, int size, long totalItems, int totalPages) {}
