package se.techtank.events.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of registrations. */
@Schema(name = "RegistrationPage", description = "One page of registrations")
public record RegistrationPage(List<RegistrationResponse> items, int page, int size, long totalItems, int totalPages) {}
