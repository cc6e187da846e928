package se.techtank.layering.goodservice.domain;

/** A fixture domain type that depends on nothing. */
public record Thing(String name) {}
