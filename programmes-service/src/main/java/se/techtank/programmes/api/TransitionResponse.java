package se.techtank.programmes.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.programmes.domain.ApplicationStatus;
import se.techtank.programmes.domain.ApplicationTransition;

/** One step of an application's history. */
@Schema(name = "ApplicationTransition")
record TransitionResponse(ApplicationStatus from, ApplicationStatus to, String reason, String by, OffsetDateTime at) {

    static TransitionResponse of(ApplicationTransition transition) {
        return new TransitionResponse(
                transition.fromStatus(),
                transition.toStatus(),
                transition.reason(),
                transition.actor(),
                Texts.stockholm(transition.at()));
    }
}
