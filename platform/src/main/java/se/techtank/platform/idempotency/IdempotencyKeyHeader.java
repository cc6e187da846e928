package se.techtank.platform.idempotency;

import jakarta.ws.rs.HeaderParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code Idempotency-Key} header of a creating POST, with its OpenAPI description, declared once:
 * a resource method takes it as {@code @BeanParam IdempotencyKeyHeader idempotencyKey} and hands it to
 * {@link IdempotentRequests#once}.
 */
public class IdempotencyKeyHeader {

    @HeaderParam(IdempotentRequests.HEADER)
    @Parameter(
            name = IdempotentRequests.HEADER,
            description = IdempotentRequests.DESCRIPTION,
            example = "3f1c6a52-9b0e-4c55-a0d4-6f1d8e2b7c10")
    String value;

    /** The key as sent, or null when the request has none. */
    public String value() {
        return value;
    }
}
