package se.techtank.platform.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The mappings that no service endpoint exercises yet; the rest are covered by the services' tests. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void an_unexpected_error_answers_500_with_an_error_id_and_no_internals() {
        Response response = mappers.unexpected(
                new IllegalStateException("ERROR: duplicate key value violates unique constraint \"company_pkey\""),
                null);

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        assertThat(problem.type()).isEqualTo("https://api.techtank.se/problems/internal-error");
        assertThat(problem.errorId()).isNotBlank();
        assertThat(problem.detail()).contains(problem.errorId()).doesNotContain("constraint", "duplicate key");
    }

    @Test
    void a_stale_version_answers_412() {
        Response response = mappers.domain(new StaleVersionException("Company", "42"), null);

        Problem problem = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(412);
        assertThat(problem.type()).isEqualTo("https://api.techtank.se/problems/stale-version");
    }

    @Test
    void each_kind_of_domain_exception_has_its_status() {
        assertThat(statusOf(new NotFoundException("Meeting", "7"))).isEqualTo(404);
        assertThat(statusOf(new InvalidRequestException("size", "too big"))).isEqualTo(400);
        assertThat(statusOf(new RuleViolationException("email", "bad"))).isEqualTo(422);
        assertThat(statusOf(
                        new DomainException(
                                DomainException.Kind.CONFLICT,
                                "registration-closed",
                                "Registration is closed",
                                "Closed.") {}))
                .isEqualTo(409);
        assertThat(statusOf(
                        new DomainException(
                                DomainException.Kind.RATE_LIMITED, "rate-limited", "Too many requests", "Wait.") {}))
                .isEqualTo(429);
    }

    @Test
    void a_rule_violation_names_its_field() {
        Problem problem = (Problem)
                mappers.domain(new RuleViolationException("attendee.email", "must be an e-mail address"), null)
                        .getEntity();

        assertThat(problem.type()).isEqualTo("https://api.techtank.se/problems/validation-failed");
        assertThat(problem.errors()).containsExactly(new FieldError("attendee.email", "must be an e-mail address"));
    }

    @Test
    void an_optimistic_lock_failure_is_a_conflict_to_retry() {
        Response response = mappers.concurrentModification(new jakarta.persistence.OptimisticLockException(), null);

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((Problem) response.getEntity()).type())
                .isEqualTo("https://api.techtank.se/problems/concurrent-modification");
    }

    @Test
    void http_level_errors_keep_their_status() {
        assertThat(mappers.web(new jakarta.ws.rs.NotAllowedException("GET"), null)
                        .getStatus())
                .isEqualTo(405);
        assertThat(((Problem) mappers.web(new jakarta.ws.rs.NotSupportedException(), null)
                                .getEntity())
                        .type())
                .endsWith("/unsupported-media-type");
        assertThat(mappers.web(new jakarta.ws.rs.NotAuthorizedException("Bearer"), null)
                        .getHeaderString("WWW-Authenticate"))
                .isEqualTo("Bearer");
    }

    @Test
    void http_level_errors_have_titles_in_the_same_case_as_the_api_s_own() {
        Problem unknownPath = (Problem)
                mappers.web(new jakarta.ws.rs.NotFoundException(), null).getEntity();
        Problem unknownId = (Problem)
                mappers.domain(new NotFoundException("Company", "x"), null).getEntity();
        Problem wrongMethod = (Problem)
                mappers.web(new jakarta.ws.rs.NotAllowedException("GET"), null).getEntity();

        assertThat(unknownPath.title()).isEqualTo(unknownId.title()).isEqualTo("Not found");
        assertThat(unknownPath.type()).isEqualTo(unknownId.type());
        assertThat(unknownPath.detail()).isEqualTo("No resource at this path.");
        assertThat(wrongMethod.title()).isEqualTo("Method not allowed");
        assertThat(wrongMethod.detail()).isEqualTo("Method Not Allowed.");
    }

    private int statusOf(DomainException e) {
        return mappers.domain(e, null).getStatus();
    }

    @Test
    void problems_without_field_errors_or_error_id_leave_them_out_of_the_json() throws Exception {
        Problem problem = new Problem("t", "T", 404, "d", "/x", null, List.of());

        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(problem);

        assertThat(json).contains("\"status\":404").doesNotContain("errors", "errorId");
    }
}
