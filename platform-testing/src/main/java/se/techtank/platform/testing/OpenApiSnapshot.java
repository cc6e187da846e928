package se.techtank.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the committed OpenAPI document ({@code docs/api/<service>.openapi.yaml}) equal to the one the
 * service serves, so that every API change shows in review. Run the tests with {@code
 * -Dopenapi.update=true} to rewrite the committed copy after an intended change.
 */
public final class OpenApiSnapshot {

    public static final String UPDATE_PROPERTY = "openapi.update";

    private OpenApiSnapshot() {}

    /**
     * @param openApiUrl the service's {@code /q/openapi} (inject it with {@code @TestHTTPResource("/q/openapi")})
     * @param service the service's name, e.g. {@code members-service}
     */
    public static void assertMatchesCommittedCopy(URL openApiUrl, String service) {
        String served = fetch(openApiUrl).strip() + "\n";
        Path committed = Contracts.root().resolve("docs/api/" + service + ".openapi.yaml");
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(committed.getParent());
                Files.writeString(committed, served, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(committed)) {
                throw new AssertionError(committed + " does not exist; run the tests once with -D" + UPDATE_PROPERTY
                        + "=true and commit it");
            }
            String expected = Files.readString(committed, StandardCharsets.UTF_8);
            if (!expected.equals(served)) {
                throw new AssertionError("The served OpenAPI document differs from " + committed
                        + ". If the API change is intended, run the tests with -D" + UPDATE_PROPERTY
                        + "=true and commit the file.\n" + firstDifference(expected, served));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or write " + committed, e);
        }
    }

    private static String fetch(URL url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url.toString() + "?format=yaml"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot fetch " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] left = expected.split("\n", -1);
        String[] right = actual.split("\n", -1);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "<end>";
            String r = i < right.length ? right[i] : "<end>";
            if (!l.equals(r)) {
                return "First difference at line " + (i + 1) + ":\n  committed: " + l + "\n  served:    " + r;
            }
        }
        return "";
    }
}
