package se.techtank.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import se.techtank.platform.failure.TransientFailures;

/**
 * Turns every exception that reaches the REST layer into RFC 9457 problem details with a stable
 * {@code type} (docs/api-conventions.md). Unexpected ones answer 500 with an error id that is also
 * logged, never with a stack trace or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static final String VALIDATION_FAILED = "validation-failed";

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        int status = switch (e.kind()) {
            case INVALID_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
            case PRECONDITION_REQUIRED -> 428;
            case RULE_VIOLATION -> 422;
            case RATE_LIMITED -> 429;
        };
        Response response = respond(
                new Problem(Problem.type(e.type()), e.title(), status, e.getMessage(), path(uri), null, e.errors()));
        if (e instanceof RetryLater later) {
            return Response.fromResponse(response)
                    .header("Retry-After", Math.max(1, later.retryAfter().toSeconds()))
                    .build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return respond(new Problem(
                Problem.type(VALIDATION_FAILED),
                "Validation failed",
                422,
                errors.size() == 1 ? "One field is invalid." : errors.size() + " fields are invalid.",
                path(uri),
                null,
                errors));
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(new Problem(
                Problem.type("unknown-field"),
                "Unknown field",
                400,
                "The request has a field this operation does not know: " + field + ".",
                path(uri),
                null,
                List.of(new FieldError(field, "unknown field"))));
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = "must be " + JsonTypes.describe(e.getTargetType());
        return respond(new Problem(
                Problem.type("malformed-json"),
                "Malformed JSON",
                400,
                field.isEmpty() ? "The request body does not have the expected shape." : field + " " + message + ".",
                path(uri),
                null,
                field.isEmpty() ? List.of() : List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(
                Problem.type("malformed-json"),
                "Malformed JSON",
                400,
                "The request body is not valid JSON.",
                path(uri),
                null,
                List.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(
                Problem.type("forbidden"),
                "Forbidden",
                403,
                "Your role does not allow this operation.",
                path(uri),
                null,
                List.of()));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentModification(Exception e, UriInfo uri) {
        return respond(new Problem(
                Problem.type("concurrent-modification"),
                "Concurrent modification",
                409,
                "Someone else changed this resource at the same time; read it again and retry.",
                path(uri),
                null,
                List.of()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON reader reports unreadable bodies as 400 with the Jackson exception as cause.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return unknownField(unknown, uri);
            }
            if (cause instanceof MismatchedInputException mismatched) {
                return mismatchedInput(mismatched, uri);
            }
            if (cause instanceof JsonProcessingException malformed) {
                return malformedJson(malformed, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return unauthenticated(uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        // Each slug is written out next to Problem.type, so that ProblemTypesTest finds it in the source. The
        // titles are in the API's own sentence case ("Not found", as a NotFoundException's), not the reason phrase's.
        Response.StatusType statusInfo = e.getResponse().getStatusInfo();
        record TypeAndTitle(String type, String title) {}
        TypeAndTitle problem = switch (status) {
            case 400 -> new TypeAndTitle(Problem.type("invalid-request"), "Invalid request");
            case 403 -> new TypeAndTitle(Problem.type("forbidden"), "Forbidden");
            case 404 -> new TypeAndTitle(Problem.type("not-found"), "Not found");
            case 405 -> new TypeAndTitle(Problem.type("method-not-allowed"), "Method not allowed");
            case 406 -> new TypeAndTitle(Problem.type("not-acceptable"), "Not acceptable");
            case 415 -> new TypeAndTitle(Problem.type("unsupported-media-type"), "Unsupported media type");
            default -> new TypeAndTitle(Problem.type("http-" + status), statusInfo.getReasonPhrase());
        };
        String detail = status == 404 ? "No resource at this path." : statusInfo.getReasonPhrase() + ".";
        return respond(new Problem(problem.type(), problem.title(), status, detail, path(uri), null, List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (TransientFailures.isPoolExhausted(e)) {
            // Every database connection stayed busy for the whole acquisition timeout: overload, not a bug.
            LOG.warnf("No database connection free in time for %s; answering 503", path(uri));
            return busy(uri);
        }
        if (TransientFailures.isTransient(e)) {
            // A connection lost mid-transaction (a failover, say), a deadlock or a serialization failure:
            // the transaction was rolled back or its outcome is kept under the Idempotency-Key, so the
            // client's retry is safe, and it is what succeeds.
            LOG.warnf("Infrastructure failure on %s; answering 503: %s", path(uri), e.toString());
            return unavailable(uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return respond(new Problem(
                Problem.type("internal-error"),
                "Internal error",
                500,
                "Something went wrong on our side. Quote error id " + errorId + " when you report it.",
                path(uri),
                errorId,
                List.of()));
    }

    @ServerExceptionMapper
    public Response serviceBusy(ServiceBusyException e, UriInfo uri) {
        LOG.warnf("%s (%s); answering 503", e.getMessage(), path(uri));
        return busy(uri);
    }

    private Response busy(UriInfo uri) {
        return Response.fromResponse(respond(new Problem(
                        Problem.type("service-busy"),
                        "Service busy",
                        503,
                        "The service is busy right now; nothing was changed. Try again in a moment.",
                        path(uri),
                        null,
                        List.of())))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build();
    }

    private Response unavailable(UriInfo uri) {
        return Response.fromResponse(respond(new Problem(
                        Problem.type("service-busy"),
                        "Service busy",
                        503,
                        "The service could not finish the request just now. Try again in a moment; a retry with"
                                + " the same Idempotency-Key is never carried out twice.",
                        path(uri),
                        null,
                        List.of())))
                .header(HttpHeaders.RETRY_AFTER, "1")
                .build();
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        Problem.type("unauthenticated"),
                        "Authentication required",
                        401,
                        "Send a valid bearer token in the Authorization header.",
                        path(uri),
                        null,
                        List.of()))
                .build();
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    /** {@code create.request.attendee.email} → {@code attendee.email}: drops the method and parameter. */
    static String fieldOf(Path propertyPath) {
        List<String> names = new ArrayList<>();
        boolean sawParameter = false;
        for (Path.Node node : propertyPath) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                sawParameter = true;
                names.clear();
                names.add(node.getName());
                continue;
            }
            // An element of a list or map: its position belongs to the container, as in needs[0].priority.
            if (node.isInIterable() && !names.isEmpty() && (node.getIndex() != null || node.getKey() != null)) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + position + "]");
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            String name = node.getName();
            if (name == null) {
                continue;
            }
            if (sawParameter && names.size() == 1) {
                // A body parameter's own name means nothing to the client: keep only the JSON path.
                names.clear();
            }
            sawParameter = false;
            names.add(name);
        }
        return String.join(".", names);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
