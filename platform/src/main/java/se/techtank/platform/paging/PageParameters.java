package se.techtank.platform.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters of every list ({@code @BeanParam PageParameters paging}), documented once as
 * the integers they are. They are read as text and checked by {@link PageRequest#parse}, so that a bad value
 * is a 400 naming the parameter rather than a 404 from the framework.
 */
public class PageParameters {

    @QueryParam("page")
    @Parameter(
            description = "Page number, from 0",
            example = "0",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(
            description = "Page size, 1–100",
            example = "20",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String size;

    public String page() {
        return page;
    }

    public String size() {
        return size;
    }
}
