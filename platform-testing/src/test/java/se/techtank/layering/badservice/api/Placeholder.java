package se.techtank.layering.badservice.api;

/** A fixture API type. */
public record Placeholder(String value) {}
