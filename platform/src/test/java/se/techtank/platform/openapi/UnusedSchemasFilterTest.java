package se.techtank.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnusedSchemasFilterTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(UnusedSchemasFilter.SCHEMA_REF + name);
    }

    @Test
    void keeps_the_schemas_an_operation_reaches_and_drops_the_rest() {
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .paths(
                        OASFactory.createPaths()
                                .addPathItem(
                                        "/api/v1/things",
                                        OASFactory.createPathItem()
                                                .GET(
                                                        OASFactory.createOperation()
                                                                .responses(
                                                                        OASFactory.createAPIResponses()
                                                                                .addAPIResponse(
                                                                                        "200",
                                                                                        OASFactory.createAPIResponse()
                                                                                                .content(
                                                                                                        OASFactory
                                                                                                                .createContent()
                                                                                                                .addMediaType(
                                                                                                                        "application/json",
                                                                                                                        OASFactory
                                                                                                                                .createMediaType()
                                                                                                                                .schema(
                                                                                                                                        ref(
                                                                                                                                                "ThingPage")))))))))
                .components(OASFactory.createComponents()
                        .addSchema(
                                "ThingPage",
                                OASFactory.createSchema()
                                        .addProperty(
                                                "items",
                                                OASFactory.createSchema().items(ref("Thing"))))
                        .addSchema("Thing", OASFactory.createSchema().addProperty("part", ref("Part")))
                        .addSchema("Part", OASFactory.createSchema())
                        .addSchema("Page", OASFactory.createSchema().addProperty("other", ref("Other")))
                        .addSchema("Other", OASFactory.createSchema())
                        .addSchema("Itself", OASFactory.createSchema().addProperty("next", ref("Itself"))));

        new UnusedSchemasFilter().filterOpenAPI(openAPI);

        assertThat(openAPI.getComponents().getSchemas()).containsOnlyKeys("ThingPage", "Thing", "Part");
    }

    @Test
    void a_schema_referred_to_from_another_component_is_used() {
        OpenAPI openAPI = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addResponse(
                                "Problem",
                                OASFactory.createAPIResponse()
                                        .content(OASFactory.createContent()
                                                .addMediaType(
                                                        "application/problem+json",
                                                        OASFactory.createMediaType()
                                                                .schema(ref("Problem")))))
                        .addSchema("Problem", OASFactory.createSchema().addProperty("errors", ref("FieldError")))
                        .addSchema("FieldError", OASFactory.createSchema()));

        new UnusedSchemasFilter().filterOpenAPI(openAPI);

        assertThat(openAPI.getComponents().getSchemas()).containsOnlyKeys("Problem", "FieldError");
    }
}
