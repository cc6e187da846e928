package se.techtank.programmes.domain;

import java.util.stream.Collectors;

import se.techtank.platform.problem.DomainException;

/** A decision the application's current state does not allow; the answer names the state. */
public class IllegalApplicationTransitionException extends DomainException {

    public IllegalApplicationTransitionException(ApplicationStatus target, ApplicationStatus current) {
        super(
                Kind.CONFLICT,
                "illegal-application-transition",
                "Application change not allowed",
                "An application that is " + current + " cannot become " + target + " ("
                        + (current.next().isEmpty()
                                ? "it is final"
                                : "allowed: "
                                        + current.next().stream()
                                                .map(Enum::name)
                                                .collect(Collectors.joining(", ")))
                        + ").");
    }
}
