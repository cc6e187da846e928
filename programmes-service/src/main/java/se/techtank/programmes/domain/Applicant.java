package se.techtank.programmes.domain;

import se.techtank.kernel.Language;
import se.techtank.platform.validation.EmailAddress;

/** The person an application names as its contact. */
public record Applicant(String name, EmailAddress email, Language language) {}
