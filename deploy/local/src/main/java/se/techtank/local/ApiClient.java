package se.techtank.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client for one service's public API, with a bearer token. */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;
    private final String token;

    /** {@code token} null: anonymous calls (no Authorization header). */
    ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Response post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(
                request.method() + " " + request.uri().getPath(),
                response.statusCode(),
                response.headers().firstValue("Location").orElse(null),
                response.body());
    }

    /** Status 200 for {@code url} (no token). */
    static int status(String url) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    record Response(String request, int status, String location, String body) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        /** The problem type of an {@code application/problem+json} answer, or "". */
        String problemType() {
            return json().path("type").asText("");
        }

        IllegalStateException unexpected() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return new IllegalStateException(request + " answered " + status + ": " + shown);
        }
    }
}
