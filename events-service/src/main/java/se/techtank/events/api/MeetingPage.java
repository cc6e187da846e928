package se.techtank.events.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI shape of a page of meetings (the platform's {@code Page} with its item type spelled out). */
@Schema(name = "MeetingPage", description = "One page of meetings")
public record MeetingPage(List<MeetingResponse> items, int page, int size, long totalItems, int totalPages) {}
