package se.techtank.platform.problem;

/** One field's problem in a 400 or 422 answer; {@code field} is the JSON path, e.g. {@code attendee.email}. */
public record FieldError(String field, String message) {}
