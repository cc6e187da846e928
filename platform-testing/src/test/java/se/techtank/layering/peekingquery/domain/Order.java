package se.techtank.layering.peekingquery.domain;

/** A fixture domain type. */
public record Order(String number) {}
