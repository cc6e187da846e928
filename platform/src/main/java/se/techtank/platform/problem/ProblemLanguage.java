package se.techtank.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Answers problems in Swedish to a client whose {@code Accept-Language} prefers Swedish to English
 * ({@link ProblemTexts}), with {@code Content-Language: sv}; English otherwise. Every problem answer varies by
 * {@code Accept-Language}, so a cache never hands one language to the other.
 */
public class ProblemLanguage {

    @ServerResponseFilter
    public void translate(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        if (ProblemTexts.prefersSwedish(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))) {
            response.setEntity(ProblemTexts.swedish().translate(problem));
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, "sv");
        } else {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, "en");
        }
    }
}
