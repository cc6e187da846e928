package se.techtank.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint in the launcher's JVM, on 127.0.0.1:{@value #PORT}: what IUC Syd's demo
 * subscription points at. Each request is written to {@code .local/webhooks/} as JSON with its headers, the
 * CloudEvent it carried and the verdict of the Standard Webhooks signature check against the subscription's
 * secret ({@code valid} or {@code INVALID}), as a partner's developer would check it (docs/webhooks.md).
 */
final class WebhookReceiver implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PORT = 8089;
    static final String PATH = "/webhooks/iuc-syd";

    private final HttpServer server;
    private final Path directory;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();

    private WebhookReceiver(HttpServer server, Path directory) {
        this.server = server;
        this.directory = directory;
    }

    static WebhookReceiver start(Path directory) throws IOException {
        Files.createDirectories(directory);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), PORT), 16);
        WebhookReceiver receiver = new WebhookReceiver(server, directory);
        server.createContext(PATH, receiver::handle);
        // The same local server stands in for the frontend's page behind the mails' cancellation links.
        server.createContext(CancellationPage.PATH, CancellationPage::handle);
        server.start();
        return receiver;
    }

    /** The URL a subscription names. */
    static String url() {
        return "http://" + HOST + ":" + PORT + PATH;
    }

    /** A secret the signatures may be made with (the subscription's, from when it was created). */
    void trust(String secret) {
        secrets.add(secret);
    }

    int received() {
        return received.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String id = header(exchange, "webhook-id");
            String timestamp = header(exchange, "webhook-timestamp");
            String signature = header(exchange, "webhook-signature");
            boolean valid = secrets.stream().anyMatch(secret -> verify(secret, id, timestamp, body, signature));
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("receivedAt", Instant.now().toString());
            record.put("verdict", valid ? "valid" : "INVALID");
            record.put("webhookId", id);
            record.put("webhookTimestamp", timestamp);
            record.put("webhookSignature", signature);
            JsonNode event = ApiClient.JSON.readTree(body.isBlank() ? "{}" : body);
            record.put("event", event);
            String type = event.path("type").asText("unknown");
            String name = String.format(
                    "%04d-%s-%s.json", received.incrementAndGet(), type.substring(type.lastIndexOf('.') + 1), id);
            Files.writeString(
                    directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_")),
                    ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    /** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body", keyed with the secret after "whsec_". */
    static boolean verify(String secret, String id, String timestamp, String body, String signatureHeader) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatureHeader.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
