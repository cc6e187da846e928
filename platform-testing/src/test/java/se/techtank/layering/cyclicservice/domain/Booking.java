package se.techtank.layering.cyclicservice.domain;

/** A fixture domain type. */
public record Booking(String id) {}
