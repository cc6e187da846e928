package se.techtank.platform.openapi;

import java.io.IOException;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import se.techtank.platform.http.Revalidatable;
import se.techtank.platform.problem.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemResponsesFilterTest {

    @Path("/api/v1/things")
    @RolesAllowed("staff")
    static class ThingResource {

        @GET
        @PermitAll
        public String list() {
            return "";
        }

        @POST
        public String create() {
            return "";
        }

        @GET
        @Path("{id: [0-9]+}/")
        public String get() {
            return "";
        }
    }

    @Path("/api/v1/feed")
    static class FeedResource {

        @GET
        @Revalidatable
        public String feed() {
            return "";
        }
    }

    private final ProblemResponsesFilter filter = new ProblemResponsesFilter(index());

    private static Index index() {
        try {
            return Index.of(ThingResource.class, FeedResource.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_role_restricted_read_by_id_gets_401_403_404_500_and_503_but_no_400() {
        Operation get = secured(OASFactory.createOperation())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The thing")));

        filter(PathItem.HttpMethod.GET, "/api/v1/things/{id}", get);

        assertThat(get.getResponses().getAPIResponses()).containsOnlyKeys("200", "401", "403", "404", "500", "503");
        assertThat(description(get, "401")).isEqualTo(ProblemResponsesFilter.UNAUTHENTICATED);
        assertThat(description(get, "403")).isEqualTo(ProblemResponsesFilter.FORBIDDEN);
        assertThat(description(get, "404")).isEqualTo(ProblemResponsesFilter.NOT_FOUND);
        assertThat(description(get, "500")).contains("`…/internal-error`");
        assertThat(description(get, "503")).contains("`…/service-busy`");
        assertThat(get.getResponses().getAPIResponse("503").getHeaders()).containsOnlyKeys("Retry-After");
        assertThat(get.getResponses()
                        .getAPIResponse("404")
                        .getContent()
                        .getMediaType(Problem.MEDIA_TYPE)
                        .getSchema()
                        .getRef())
                .isEqualTo(ProblemResponsesFilter.PROBLEM_SCHEMA);
        assertThat(get.getResponses().getAPIResponse("200").getContent()).isNull();
    }

    @Test
    void an_anonymous_list_with_query_parameters_gets_400_but_no_403() {
        Operation list = secured(OASFactory.createOperation())
                .addParameter(OASFactory.createParameter().name("q").in(Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("A page")));

        filter(PathItem.HttpMethod.GET, "/api/v1/things", list);

        assertThat(list.getResponses().getAPIResponses()).containsOnlyKeys("200", "400", "401", "500", "503");
        assertThat(description(list, "400")).contains("`…/invalid-request`");
    }

    @Test
    void declared_responses_keep_their_text_and_error_ones_gain_the_problem_body() {
        Operation create = secured(OASFactory.createOperation())
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("409", OASFactory.createAPIResponse().description("Already there"))
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("Created"))
                        .addAPIResponse("403", OASFactory.createAPIResponse().description("Not staff"))
                        .addAPIResponse("400", OASFactory.createAPIResponse().description("Malformed JSON")));

        filter(PathItem.HttpMethod.POST, "/api/v1/things", create);

        assertThat(create.getResponses().getAPIResponses().keySet())
                .containsExactly("201", "400", "401", "403", "409", "500", "503");
        assertThat(description(create, "403")).isEqualTo("Not staff");
        assertThat(description(create, "400")).isEqualTo("Malformed JSON");
        assertThat(create.getResponses().getAPIResponse("409").getContent().getMediaType(Problem.MEDIA_TYPE))
                .isNotNull();
        assertThat(create.getResponses().getAPIResponse("201").getContent()).isNull();
    }

    @Test
    void an_error_declared_with_an_example_only_gets_the_problem_schema() {
        Operation apply = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse(
                                "429",
                                OASFactory.createAPIResponse()
                                        .description("Too many")
                                        .content(OASFactory.createContent()
                                                .addMediaType(
                                                        Problem.MEDIA_TYPE,
                                                        OASFactory.createMediaType()
                                                                .addExample(
                                                                        "rate-limited",
                                                                        OASFactory.createExample()
                                                                                .value("{}"))))));

        filter(PathItem.HttpMethod.POST, "/api/v1/things", apply);

        var problem = apply.getResponses().getAPIResponse("429").getContent().getMediaType(Problem.MEDIA_TYPE);
        assertThat(problem.getSchema().getRef()).isEqualTo(ProblemResponsesFilter.PROBLEM_SCHEMA);
        assertThat(problem.getExamples()).containsOnlyKeys("rate-limited");
    }

    @Test
    void an_operation_without_security_gets_no_401() {
        Operation apply = OASFactory.createOperation()
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("202", OASFactory.createAPIResponse().description("Received")));

        new ProblemResponsesFilter(ResourceAccess.none())
                .filterOpenAPI(document("/api/v1/applications", PathItem.HttpMethod.POST, apply));

        assertThat(apply.getResponses().getAPIResponses()).containsOnlyKeys("202", "400", "500", "503");
    }

    @Test
    void a_versioned_resource_declares_its_etag_on_the_read_and_on_the_update_that_takes_if_match() {
        Operation get = secured(OASFactory.createOperation())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The thing")));
        Operation put = secured(OASFactory.createOperation())
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Changed")));
        Operation list = secured(OASFactory.createOperation())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("A page")));
        PathItem thing = OASFactory.createPathItem();
        thing.setOperation(PathItem.HttpMethod.GET, get);
        thing.setOperation(PathItem.HttpMethod.PUT, put);
        PathItem things = OASFactory.createPathItem();
        things.setOperation(PathItem.HttpMethod.GET, list);

        filter.filterOpenAPI(OASFactory.createOpenAPI()
                .paths(OASFactory.createPaths()
                        .addPathItem("/api/v1/things/{id}", thing)
                        .addPathItem("/api/v1/things", things)));

        assertThat(get.getResponses().getAPIResponse("200").getHeaders()).containsOnlyKeys("ETag");
        assertThat(put.getResponses().getAPIResponse("200").getHeaders()).containsOnlyKeys("ETag");
        assertThat(list.getResponses().getAPIResponse("200").getHeaders()).isNullOrEmpty();
        assertThat(list.getResponses().getAPIResponses()).doesNotContainKey("304");
    }

    @Test
    void if_match_is_required_where_its_absence_is_answered_428() {
        Operation strict = secured(OASFactory.createOperation())
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Changed"))
                        .addAPIResponse("428", OASFactory.createAPIResponse().description("If-Match missing")));
        Operation lenient = secured(OASFactory.createOperation())
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER))
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Changed")));

        filter(PathItem.HttpMethod.PUT, "/api/v1/things/{id}", strict);
        filter(PathItem.HttpMethod.PUT, "/api/v1/others/{id}", lenient);

        assertThat(strict.getParameters())
                .singleElement()
                .satisfies(p -> assertThat(p.getRequired()).isTrue());
        assertThat(lenient.getParameters())
                .singleElement()
                .satisfies(p -> assertThat(p.getRequired()).isNotEqualTo(Boolean.TRUE));
    }

    @Test
    void a_revalidatable_read_declares_if_none_match_its_caching_headers_and_304() {
        Operation feed = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The feed")));

        filter(PathItem.HttpMethod.GET, "/api/v1/feed", feed);

        assertThat(feed.getParameters())
                .singleElement()
                .satisfies(p -> assertThat(p.getName()).isEqualTo("If-None-Match"))
                .satisfies(p -> assertThat(p.getIn()).isEqualTo(Parameter.In.HEADER));
        assertThat(feed.getResponses().getAPIResponse("200").getHeaders())
                .containsOnlyKeys("ETag", "Cache-Control", "Vary");
        assertThat(feed.getResponses().getAPIResponses().keySet()).containsExactly("200", "304", "500", "503");
        assertThat(feed.getResponses().getAPIResponse("304").getContent()).isNull();
    }

    @Test
    void paths_outside_the_api_are_left_alone() {
        Operation health = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("Up")));

        filter(PathItem.HttpMethod.GET, "/q/health", health);

        assertThat(health.getResponses().getAPIResponses()).containsOnlyKeys("200");
    }

    @Test
    void resource_paths_are_spelled_as_in_the_document() {
        assertThat(ResourceAccess.normalise("api/v1//things/{id: [0-9]+}/")).isEqualTo("/api/v1/things/{id}");
        assertThat(ResourceAccess.of(index()).operations())
                .containsExactlyInAnyOrder(
                        "GET /api/v1/things", "POST /api/v1/things", "GET /api/v1/things/{id}", "GET /api/v1/feed");
    }

    private static Operation secured(Operation operation) {
        return operation.addSecurityRequirement(
                OASFactory.createSecurityRequirement().addScheme("bearer"));
    }

    private void filter(PathItem.HttpMethod method, String path, Operation operation) {
        filter.filterOpenAPI(document(path, method, operation));
    }

    private static OpenAPI document(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = OASFactory.createPathItem();
        item.setOperation(method, operation);
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths().addPathItem(path, item));
    }

    private static String description(Operation operation, String status) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        return response.getDescription();
    }
}
