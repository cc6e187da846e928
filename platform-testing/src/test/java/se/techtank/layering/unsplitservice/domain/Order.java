package se.techtank.layering.unsplitservice.domain;

/** A fixture domain type. */
public record Order(String id) {}
