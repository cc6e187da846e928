package se.techtank.members.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import se.techtank.kernel.FocusArea;

/** A company's current need in one focus area: the latest assessment's priority for it. */
@Embeddable
public record CurrentNeed(
        @Enumerated(EnumType.STRING) @Column(name = "focus_area", nullable = false)
        FocusArea focusArea,

        @Column(nullable = false) int priority,
        @Column(name = "assessed_on", nullable = false) LocalDate assessedOn) {}
