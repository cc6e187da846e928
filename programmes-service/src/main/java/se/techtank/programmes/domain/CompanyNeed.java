package se.techtank.programmes.domain;

import java.time.LocalDate;

/** A company's current need in a focus area, priority 1–5, as members-service's needs assessment gave it. */
public record CompanyNeed(String focusArea, int priority, LocalDate assessedOn) {}
