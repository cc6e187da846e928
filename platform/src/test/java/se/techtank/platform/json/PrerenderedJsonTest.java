package se.techtank.platform.json;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrerenderedJsonTest {

    private final ObjectMapper json = mapper();

    record Item(String name, OffsetDateTime at, String absent, List<String> codes) {}

    record Wrapper<T>(List<T> items, int page, long totalItems) {}

    private final List<Item> items = List.of(
            new Item(
                    "Sölvesborgs Stål & \"Svets\" AB \uD83D\uDD27",
                    OffsetDateTime.of(2026, 11, 28, 10, 0, 0, 123_000, ZoneOffset.UTC),
                    null,
                    List.of("25.110")),
            new Item("Zeta", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1)), null, List.of()));

    @Test
    void prerendered_items_are_written_exactly_as_jackson_writes_the_objects() throws Exception {
        Wrapper<Object> prerendered = new Wrapper<>(
                List.of(
                        PrerenderedJson.of(json.writeValueAsBytes(items.get(0))),
                        PrerenderedJson.of(json.writeValueAsBytes(items.get(1)))),
                0,
                2);

        byte[] expected = json.writeValueAsBytes(new Wrapper<>(items, 0, 2));
        assertThat(json.writeValueAsBytes(prerendered)).isEqualTo(expected);
        // A writer of characters (not UTF-8 bytes) decodes them once and writes the same text.
        assertThat(json.writeValueAsString(prerendered)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    @Test
    void a_value_larger_than_the_generators_buffer_is_written_whole() throws Exception {
        Map<String, String> large = Map.of("text", "å".repeat(20_000));

        byte[] written = json.writeValueAsBytes(List.of(PrerenderedJson.of(json.writeValueAsBytes(large)), 1));

        assertThat(written).isEqualTo(json.writeValueAsBytes(List.of(large, 1)));
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new JsonConventions().customize(mapper);
        return mapper;
    }
}
