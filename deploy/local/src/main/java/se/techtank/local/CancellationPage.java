package se.techtank.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * The local stand-in for the frontend's cancellation page: the link in a confirmation mail
 * ({@code CANCELLATION_PAGE_URL}, here {@code http://localhost:8089/avboka?id=…&token=…}) opens this page with
 * GET, as a person clicking it does. It shows the registration ({@code GET /api/v1/registrations/{id}?token=})
 * and cancels it with a button ({@code POST /api/v1/registrations/{id}/cancel?token=}), calling
 * events-service from the browser: the page's origin is among the local stack's CORS origins. A deployment
 * points {@code CANCELLATION_PAGE_URL} at its own frontend, which does the same.
 */
final class CancellationPage {

    static final String PATH = "/avboka";

    private CancellationPage() {}

    /** The template events-service fills in for every registration's link. */
    static String urlTemplate() {
        return "http://localhost:" + WebhookReceiver.PORT + PATH + "?id={id}&token={token}";
    }

    /** The origins the page is served from, which events-service must allow. */
    static String origins() {
        return "http://localhost:" + WebhookReceiver.PORT + ",http://" + WebhookReceiver.HOST + ":"
                + WebhookReceiver.PORT;
    }

    static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = html("http://localhost:" + Services.EVENTS.port()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The page; {@code events} is events-service's base URL. Texts in Swedish, as the mails. */
    static String html(String events) {
        return """
                <!doctype html>
                <html lang="sv">
                <head><meta charset="utf-8"><title>Avboka anmälan</title></head>
                <body>
                <h1>Avboka din anmälan</h1>
                <p id="what">Hämtar anmälan …</p>
                <button id="cancel" hidden>Avboka</button>
                <p id="result"></p>
                <script>
                const events = "%s";
                const query = new URLSearchParams(location.search);
                const id = encodeURIComponent(query.get("id") || "");
                const token = encodeURIComponent(query.get("token") || "");
                const registration = events + "/api/v1/registrations/" + id + "?token=" + token;
                const show = (selector, text) => document.querySelector(selector).textContent = text;
                fetch(registration).then(r => r.ok ? r.json() : Promise.reject(r.status)).then(r => {
                  show("#what", "Din anmälan: " + r.status);
                  document.querySelector("#cancel").hidden = r.status === "CANCELLED";
                }).catch(status => show("#what", "Anmälan hittades inte (" + status + ")."));
                document.querySelector("#cancel").onclick = () =>
                  fetch(events + "/api/v1/registrations/" + id + "/cancel?token=" + token, {method: "POST"})
                    .then(r => r.ok ? r.json() : Promise.reject(r.status))
                    .then(r => { show("#result", "Avbokad (" + r.status + ")."); document.querySelector("#cancel").hidden = true; })
                    .catch(status => show("#result", "Kunde inte avboka (" + status + ")."));
                </script>
                </body>
                </html>
                """.formatted(events);
    }
}
