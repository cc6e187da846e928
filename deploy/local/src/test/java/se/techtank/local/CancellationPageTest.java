package se.techtank.local;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stand-in cancellation page opens with GET and calls events-service's read and cancel operations. */
class CancellationPageTest {

    private HttpServer server;
    private URI page;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.createContext(CancellationPage.PATH, CancellationPage::handle);
        server.start();
        page = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CancellationPage.PATH
                + "?id=8d3e5f7a-1b2c-4d9e-8f0a-6b7c8d9e0f1a&token=abc");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void the_link_opens_a_page_that_reads_the_registration_and_cancels_it_with_post() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals(
                "text/html; charset=utf-8",
                response.headers().firstValue("Content-Type").orElse(""));
        String body = response.body();
        assertTrue(body.contains("const events = \"http://localhost:8082\""), body);
        assertTrue(body.contains("\"/api/v1/registrations/\" + id + \"?token=\" + token"), body);
        assertTrue(
                body.contains("\"/api/v1/registrations/\" + id + \"/cancel?token=\" + token, {method: \"POST\"}"),
                body);
    }

    @Test
    void the_page_itself_does_nothing_on_post() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(page)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
    }

    @Test
    void the_template_and_the_origins_name_the_same_server() {
        assertEquals("http://localhost:8089/avboka?id={id}&token={token}", CancellationPage.urlTemplate());
        assertEquals("http://localhost:8089,http://127.0.0.1:8089", CancellationPage.origins());
    }
}
