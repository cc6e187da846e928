package se.techtank.events.domain;

/** An organisation arranging a meeting with Techtank, e.g. "Näringslivskontoret Karlshamn", and its contact e-mail. */
public record CoOrganiser(String name, String email) {}
