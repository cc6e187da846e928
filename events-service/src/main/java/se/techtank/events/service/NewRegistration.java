package se.techtank.events.service;

import se.techtank.events.domain.Registration;

/**
 * A registration as asked for: the attendee, and the organisation number of their company (normalised;
 * {@code null} for a private person, required for members-only meetings unless a member token says it).
 */
public record NewRegistration(Registration.Attendee attendee, String organisationNumber) {}
