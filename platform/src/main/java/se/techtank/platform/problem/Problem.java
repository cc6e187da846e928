package se.techtank.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error answer ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details. Clients switch on `type`, which is stable.")
public record Problem(
        @Schema(
                description = "Stable URI of the kind of error",
                examples = "https://api.techtank.se/problems/validation-failed")
        String type,

        @Schema(description = "Short summary of the kind of error", examples = "Validation failed")
        String title,

        @Schema(description = "HTTP status", examples = "422")
        int status,

        @Schema(description = "What went wrong in this occurrence")
        String detail,

        @Schema(description = "The request path") String instance,

        @Schema(description = "Id of a server error, also written to the service log")
        String errorId,

        @Schema(description = "Field problems (400 and 422)")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://api.techtank.se/problems/";

    public static String type(String slug) {
        return TYPE_BASE + slug;
    }

    /** The slug of one of our type URIs ({@code …/problems/not-found} → {@code not-found}); empty for others. */
    public static String slug(String type) {
        return type != null && type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : "";
    }
}
