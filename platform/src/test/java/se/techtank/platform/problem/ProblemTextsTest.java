package se.techtank.platform.problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.Contracts;

import static org.assertj.core.api.Assertions.assertThat;

/** Problem answers in Swedish: the catalogue's mechanics, and that it covers what the code writes. */
class ProblemTextsTest {

    private final ProblemTexts swedish = ProblemTexts.swedish();

    @Test
    void a_problem_is_translated_title_detail_and_field_messages_and_keeps_its_type() {
        Problem english = new Problem(
                Problem.type("malformed-json"),
                "Malformed JSON",
                400,
                "capacity must be a whole number.",
                "/api/v1/meetings",
                null,
                List.of(new FieldError("capacity", "must be a whole number")));

        Problem translated = swedish.translate(english);

        assertThat(translated.type()).isEqualTo(english.type());
        assertThat(translated.title()).isEqualTo("Felaktig JSON");
        assertThat(translated.detail()).isEqualTo("capacity måste vara ett heltal.");
        assertThat(translated.errors()).containsExactly(new FieldError("capacity", "måste vara ett heltal"));
        assertThat(translated.status()).isEqualTo(400);
        assertThat(translated.instance()).isEqualTo("/api/v1/meetings");
    }

    @Test
    void variable_parts_are_kept_and_translated_where_the_catalogue_has_them() {
        assertThat(swedish.text("size must be between 0 and 200")).isEqualTo("längden måste vara mellan 0 och 200");
        assertThat(swedish.text("must be one of INDUSTRY_MEETING, CONFERENCE"))
                .isEqualTo("måste vara ett av INDUSTRY_MEETING, CONFERENCE");
        assertThat(swedish.text("Company 556036-0793 already has an application in this intake that is not"
                        + " withdrawn or rejected."))
                .isEqualTo("Företaget 556036-0793 har redan en ansökan i den här antagningsomgången som inte är"
                        + " återkallad eller avslagen.");
        assertThat(swedish.title("http-418")).isEqualTo("HTTP-fel");
    }

    @Test
    void a_text_the_catalogue_does_not_have_stays_english() {
        assertThat(swedish.text("Something new happened.")).isEqualTo("Something new happened.");
        // "must be {1*}" applies only when its part has a Swedish form: never half in each language.
        assertThat(swedish.text("must be a colour")).isEqualTo("must be a colour");
        assertThat(swedish.text("name must be a colour.")).isEqualTo("name must be a colour.");
        assertThat(swedish.has("Something new happened.")).isFalse();
        assertThat(swedish.title("no-such-type")).isNull();
    }

    @Test
    void swedish_is_chosen_only_when_the_client_prefers_it_to_english() {
        assertThat(ProblemTexts.prefersSwedish("sv")).isTrue();
        assertThat(ProblemTexts.prefersSwedish("sv-SE,sv;q=0.9,en;q=0.8")).isTrue();
        assertThat(ProblemTexts.prefersSwedish("de, sv;q=0.7, en;q=0.5")).isTrue();
        assertThat(ProblemTexts.prefersSwedish("en-GB,en;q=0.9,sv;q=0.8")).isFalse();
        assertThat(ProblemTexts.prefersSwedish("en, sv")).isFalse();
        assertThat(ProblemTexts.prefersSwedish("*")).isFalse();
        assertThat(ProblemTexts.prefersSwedish("de")).isFalse();
        assertThat(ProblemTexts.prefersSwedish(null)).isFalse();
        assertThat(ProblemTexts.prefersSwedish("sv;q=0")).isFalse();
        assertThat(ProblemTexts.prefersSwedish(";;;=")).isFalse();
    }

    // --- the catalogue covers the code

    @Test
    void every_problem_type_in_the_api_conventions_has_a_swedish_title() throws IOException {
        String conventions = Files.readString(Contracts.root().resolve("docs/api-conventions.md"));
        Matcher table = Pattern.compile("\\| status \\| type[^\\n]*\\n((?:\\|[^\\n]*\\n)+)")
                .matcher(conventions);
        assertThat(table.find())
                .as("the table of problem types in docs/api-conventions.md")
                .isTrue();
        Set<String> missing = new TreeSet<>();
        int slugs = 0;
        Matcher slug = Pattern.compile("`([a-z][a-z0-9-]*-?)(?:<status>)?`").matcher(table.group(1));
        while (slug.find()) {
            String type = slug.group(1);
            if (!type.contains("-") && !Set.of("forbidden", "unauthenticated").contains(type)) {
                continue; // a field or header name in the text, such as `errors`
            }
            slugs++;
            if (swedish.title(type) == null) {
                missing.add(type);
            }
        }
        assertThat(slugs).isGreaterThan(40);
        assertThat(missing)
                .as("problem types without a title in " + ProblemTexts.RESOURCE)
                .isEmpty();
    }

    /**
     * Field messages and details written as whole literals where they are raised (a message built from parts is
     * matched by a template, not found by this scan).
     */
    @Test
    void every_literal_message_and_detail_in_the_code_has_a_swedish_text() {
        List<Pattern> literals = List.of(
                Pattern.compile("new FieldError\\(\\s*[^,()]+,\\s*\"((?:[^\"\\\\]|\\\\.)+)\"\\s*\\)"),
                Pattern.compile("(?:InvalidRequestException|RuleViolationException)\\(\\s*\"[^\"]*\",\\s*"
                        + "\"((?:[^\"\\\\]|\\\\.)+)\"\\s*\\)"),
                Pattern.compile("\\bmessage\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)+)\""),
                Pattern.compile("\\bmessage\\(\\)\\s+default\\s+\"((?:[^\"\\\\]|\\\\.)+)\""),
                Pattern.compile("\\breject\\(\\s*[^,()]+,\\s*\"((?:[^\"\\\\]|\\\\.)+)\"\\s*\\)"),
                Pattern.compile("Kind\\.[A-Z_]+,\\s*\"[a-z-]+\",\\s*\"[^\"]*\",\\s*\"((?:[^\"\\\\]|\\\\.)+)\"\\s*[,)]"),
                Pattern.compile(
                        "Problem\\.type\\(\"[a-z-]+\"\\),\\s*\"[^\"]*\",\\s*\\d+,\\s*\"((?:[^\"\\\\]|\\\\.)+)\"\\s*,"));
        Set<String> missing = new TreeSet<>();
        int found = 0;
        for (String source : mainSources()) {
            for (Pattern literal : literals) {
                Matcher match = literal.matcher(source);
                while (match.find()) {
                    String text = match.group(1).replace("\\\"", "\"");
                    if (text.equals("must be ")) {
                        continue; // the start of "must be " + a type, matched by its template
                    }
                    found++;
                    if (!swedish.has(text)) {
                        missing.add(text);
                    }
                }
            }
        }
        assertThat(found).as("literal messages found in the sources").isGreaterThan(40);
        assertThat(missing)
                .as("texts without a Swedish form in " + ProblemTexts.RESOURCE)
                .isEmpty();
    }

    private static List<String> mainSources() {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Contracts.root())) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        sources.add(Files.readString(file));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
