package se.techtank.platform.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.IndexView;

import se.techtank.platform.idempotency.IdempotentRequests;
import se.techtank.platform.problem.Problem;

/**
 * Documents the error answers every operation under {@code /api} shares, so that a resource declares only
 * the ones of its own operation (409, 412, 422, 428, 429, …) or a description more precise than the
 * common one (docs/api-conventions.md lists the problem types):
 *
 * <ul>
 *   <li>400 where the operation reads query or header parameters or a body;
 *   <li>401 where it has a security requirement, 403 where its method is {@code @RolesAllowed};
 *   <li>404 where its path has a path parameter;
 *   <li>500 and 503 (with {@code Retry-After}) everywhere: any request may find the database pool busy.
 * </ul>
 *
 * <p>It also declares the headers a client reads: {@code Location} on 201, {@code Retry-After} on 429 and 503,
 * {@code Idempotent-Replayed} on the successes of operations that take an {@code Idempotency-Key}, {@code ETag}
 * on the 200 of a versioned resource (an operation that takes {@code If-Match}, and the {@code GET} of its
 * path), and on a {@code @Revalidatable} read its {@code If-None-Match} parameter, {@code ETag},
 * {@code Cache-Control} and {@code Vary} and its 304. An {@code If-Match} is required where its absence is
 * answered 428.
 *
 * <p>A response the resource declared is kept as it is; an error response declared without content gets
 * the {@code application/problem+json} body, and one declared with examples only gets its schema. The responses of each operation are ordered by status code,
 * so the document does not depend on where an annotation stands.
 *
 * <p>Runs when the document is built, with the application's index: the document cannot tell a
 * {@code @PermitAll} method from a {@code @RolesAllowed} one of the same class.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String API_PREFIX = "/api/";
    static final String IDEMPOTENCY_KEY = IdempotentRequests.HEADER;
    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    static final String BAD_REQUEST = "A malformed parameter or body (`…/invalid-request`, `…/malformed-json` or "
            + "`…/unknown-field`; `errors` names it)";
    static final String UNAUTHENTICATED = "No or invalid token";
    static final String FORBIDDEN = "Role not allowed";
    static final String NOT_FOUND = "Unknown, or not visible to the caller";
    static final String INTERNAL_ERROR =
            "Unexpected error (`…/internal-error`); its `errorId` is also in the service log";
    static final String SERVICE_BUSY = "Busy: no turn or database connection free in time (`…/service-busy`); "
            + "nothing was changed, retry after `Retry-After` seconds";

    private final ResourceAccess access;

    /** Called by SmallRye OpenAPI with the application's index. */
    public ProblemResponsesFilter(IndexView index) {
        this(ResourceAccess.of(index));
    }

    ProblemResponsesFilter(ResourceAccess access) {
        this.access = access;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith(API_PREFIX) || path.getValue().getOperations() == null) {
                continue;
            }
            boolean versioned =
                    path.getValue().getOperations().values().stream().anyMatch(ProblemResponsesFilter::takesIfMatch);
            for (Map.Entry<PathItem.HttpMethod, Operation> operation :
                    path.getValue().getOperations().entrySet()) {
                addCommonResponses(path.getKey(), operation.getKey(), operation.getValue());
                requireIfMatchWhenRefusedWithout(operation.getValue());
                APIResponse ok = operation.getValue().getResponses().getAPIResponse("200");
                if (ok != null
                        && (takesIfMatch(operation.getValue())
                                || (versioned && operation.getKey() == PathItem.HttpMethod.GET))) {
                    addHeaderIfAbsent(
                            ok,
                            HttpHeaders.ETAG,
                            "The resource's version, quoted (`\"3\"`): send it as `If-Match` to change it",
                            Schema.SchemaType.STRING);
                }
                if (access.revalidatable(operation.getKey().name(), path.getKey())) {
                    declareRevalidation(operation.getValue());
                }
            }
        }
    }

    /** An operation that answers 428 without {@code If-Match} requires it: generated clients then ask for it. */
    private static void requireIfMatchWhenRefusedWithout(Operation operation) {
        if (operation.getResponses().getAPIResponse("428") == null || operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()))
                .forEach(p -> p.setRequired(true));
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p ->
                                p.getIn() == Parameter.In.HEADER && HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()));
    }

    /** A read that answers {@code If-None-Match} with 304 (ConditionalGet). */
    private static void declareRevalidation(Operation operation) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> HttpHeaders.IF_NONE_MATCH.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter()
                    .name(HttpHeaders.IF_NONE_MATCH)
                    .in(Parameter.In.HEADER)
                    .description("The `ETag` of the answer as last read: 304 without a body while it is unchanged")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null) {
            addHeaderIfAbsent(
                    ok,
                    HttpHeaders.ETAG,
                    "A tag of this answer's bytes: send it as `If-None-Match` to revalidate",
                    Schema.SchemaType.STRING);
            addHeaderIfAbsent(
                    ok,
                    HttpHeaders.CACHE_CONTROL,
                    "`public` when anonymous, `private` with a token; `no-cache` or a `max-age`",
                    Schema.SchemaType.STRING);
            addHeaderIfAbsent(ok, HttpHeaders.VARY, "`Authorization, Origin`", Schema.SchemaType.STRING);
        }
        if (!operation.getResponses().hasAPIResponse("304")) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "304",
                            OASFactory.createAPIResponse()
                                    .description("Unchanged since the `If-None-Match` tag: no body")
                                    .addHeader(
                                            HttpHeaders.ETAG,
                                            OASFactory.createHeader()
                                                    .description("The same tag")
                                                    .schema(OASFactory.createSchema()
                                                            .addType(Schema.SchemaType.STRING))));
            sortByStatus(operation.getResponses());
        }
    }

    private void addCommonResponses(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        ResourceAccess.Guard guard = access.guard(method.name(), path);
        boolean secured = operation.getSecurity() != null
                && !operation.getSecurity().isEmpty()
                && operation.getSecurity().stream()
                        .noneMatch(requirement -> requirement.getSchemes() == null
                                || requirement.getSchemes().isEmpty());
        if (readsInput(operation)) {
            addIfAbsent(responses, "400", problem(BAD_REQUEST));
        }
        if (secured || guard == ResourceAccess.Guard.ROLES || guard == ResourceAccess.Guard.AUTHENTICATED) {
            addIfAbsent(responses, "401", problem(UNAUTHENTICATED));
        }
        if (guard == ResourceAccess.Guard.ROLES) {
            addIfAbsent(responses, "403", problem(FORBIDDEN));
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", problem(NOT_FOUND));
        }
        addIfAbsent(responses, "500", problem(INTERNAL_ERROR));
        addIfAbsent(
                responses,
                "503",
                problem(SERVICE_BUSY)
                        .addHeader(
                                "Retry-After",
                                OASFactory.createHeader()
                                        .description("Seconds to wait before trying again")
                                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))));
        boolean idempotent = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(
                                p -> p.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()));
        for (Map.Entry<String, APIResponse> response :
                responses.getAPIResponses().entrySet()) {
            String status = response.getKey();
            APIResponse answer = response.getValue();
            if (isError(status) && isEmpty(answer.getContent())) {
                answer.setContent(problemContent());
            } else if (isError(status)
                    && answer.getContent().getMediaType(Problem.MEDIA_TYPE) != null
                    && answer.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema() == null) {
                // Declared with its examples only: the schema is still the problem's.
                answer.getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .setSchema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
            }
            // The headers a client reads, declared where they are sent, so that generated clients expose them.
            if (status.equals("201")) {
                addHeaderIfAbsent(answer, "Location", "The created resource's path", Schema.SchemaType.STRING);
            }
            if (status.equals("429") || status.equals("503")) {
                addHeaderIfAbsent(
                        answer, "Retry-After", "Seconds to wait before trying again", Schema.SchemaType.INTEGER);
            }
            if (idempotent && status.startsWith("2")) {
                addHeaderIfAbsent(
                        answer,
                        IdempotentRequests.REPLAYED,
                        "`true` when this is the kept answer to an earlier request with the same `Idempotency-Key`",
                        Schema.SchemaType.STRING);
            }
        }
        sortByStatus(responses);
    }

    private static void addHeaderIfAbsent(
            APIResponse response, String name, String description, Schema.SchemaType type) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(
                    name,
                    OASFactory.createHeader()
                            .description(description)
                            .schema(OASFactory.createSchema().addType(type)));
        }
    }

    private static boolean readsInput(Operation operation) {
        if (operation.getRequestBody() != null) {
            return true;
        }
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH);
    }

    private static void addIfAbsent(APIResponses responses, String status, APIResponse response) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, response);
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static boolean isEmpty(Content content) {
        return content == null
                || content.getMediaTypes() == null
                || content.getMediaTypes().isEmpty();
    }

    /** Status codes in numeric order, {@code default} last. */
    private static void sortByStatus(APIResponses responses) {
        Map<String, APIResponse> all = new LinkedHashMap<>(responses.getAPIResponses());
        List<String> order = new ArrayList<>(all.keySet());
        order.sort(Comparator.comparing((String status) -> !status.matches("\\d{3}"))
                .thenComparing(Comparator.naturalOrder()));
        if (order.equals(new ArrayList<>(all.keySet()))) {
            return;
        }
        for (String status : all.keySet()) {
            responses.removeAPIResponse(status);
        }
        for (String status : order) {
            responses.addAPIResponse(status, all.get(status));
        }
    }
}
