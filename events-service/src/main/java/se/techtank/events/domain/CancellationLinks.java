package se.techtank.events.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.events.config.EventsConfig;

/**
 * The link an attendee cancels with, from the template {@code techtank.events.cancellation-link}
 * ({@code CANCELLATION_PAGE_URL}; {@code {id}} and {@code {token}} replaced). It opens the frontend's page with
 * GET, which asks "really cancel?" and then calls {@code POST /api/v1/registrations/{id}/cancel?token=…}: a
 * link in a mail must never be an action of its own (mail scanners open links).
 */
@ApplicationScoped
public class CancellationLinks {

    private final String template;

    CancellationLinks(EventsConfig config) {
        this.template = config.cancellationLink();
    }

    public String of(Registration registration) {
        return template.replace("{id}", registration.id().toString())
                .replace("{token}", URLEncoder.encode(registration.cancellationToken(), StandardCharsets.UTF_8));
    }
}
