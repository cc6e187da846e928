package se.techtank.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the problem types of docs/api-conventions.md true: every {@code type} slug the code of any module can
 * answer is in the table of problem types there, and every slug in that table is one the code can answer.
 * Clients switch on {@code type}, so a type they cannot look up, or one they wait for in vain, is a broken
 * promise.
 *
 * <p>The slugs are read from the Java sources under every module's {@code src/main/java}, where a slug is
 * written in one of two places:
 *
 * <ul>
 *   <li>the argument of {@code Problem.type(…)}: the problems the mappers build themselves;
 *   <li>the argument after a {@code Kind.<KIND>}: the problems a domain exception carries, named with its kind
 *       in its {@code super(…)} call (or, where a constructor passes both on, where it is called).
 * </ul>
 *
 * <p>Such an argument is a string literal, a {@code String} constant with a literal value, or a literal prefix
 * and a name ({@code "http-" + status}), which stands for a family of slugs written {@code http-<status>}
 * in the documentation too. The mapper that passes on a domain exception's own slug ({@code e.type()}) adds
 * nothing. Any other argument fails the test rather than being skipped, so that a new way of building a slug
 * cannot hide one from the documentation.
 */
class ProblemTypesTest {

    private static final Pattern PROBLEM_TYPE = Pattern.compile("\\bProblem\\.type\\(");
    private static final Pattern KIND = Pattern.compile("\\bKind\\.[A-Z_]+\\s*,");
    private static final Pattern STRING_CONSTANT =
            Pattern.compile("\\bString\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"\\\\]*)\"\\s*;");

    private static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern FAMILY = Pattern.compile("\"([^\"\\\\]*)\"\\s*\\+\\s*([a-z][A-Za-z0-9]*)");
    private static final Pattern CONSTANT = Pattern.compile("(?:[A-Za-z_][A-Za-z0-9_]*\\.)*([A-Z][A-Z0-9_]*)");
    /** The slug a mapper takes from the domain exception it maps: that slug is found next to its kind. */
    private static final Pattern PASSED_ON = Pattern.compile("[a-z][A-Za-z0-9]*\\.type\\(\\)");

    private static final Pattern EXTENDS_DOMAIN_EXCEPTION =
            Pattern.compile("\\bextends\\s+(?:[a-z][A-Za-z0-9_]*\\.)*DomainException\\b");
    /** The base URI in code; a Javadoc link to it ({@code #TYPE_BASE}) builds nothing. */
    private static final Pattern TYPE_BASE = Pattern.compile("(?<!#)\\bTYPE_BASE\\b");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*-?(?:<[a-z]+>)?");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    @Test
    void every_problem_type_the_code_emits_is_documented_and_every_documented_one_is_emitted() throws IOException {
        Path root = Contracts.root();
        Scan scan = scan(mainSources(root));
        Set<String> documented = documented(Files.readString(root.resolve("docs/api-conventions.md")));

        assertThat(scan.unreadable())
                .as("slug arguments the scan cannot read: pass a literal or a String constant (see ProblemTypesTest)")
                .isEmpty();
        assertThat(scan.slugs())
                .as("no problem type found in the sources: the scan is broken")
                .isNotEmpty();

        Set<String> undocumented = new TreeSet<>(scan.slugs());
        undocumented.removeAll(documented);
        Set<String> neverEmitted = new TreeSet<>(documented);
        neverEmitted.removeAll(scan.slugs());
        assertThat(undocumented)
                .as("problem types the code emits that docs/api-conventions.md does not list")
                .isEmpty();
        assertThat(neverEmitted)
                .as("problem types docs/api-conventions.md lists that no code emits")
                .isEmpty();
    }

    @Test
    void every_domain_exception_names_its_slug_next_to_its_kind() {
        // A subclass that passes a slug it was given on to DomainException, with no Kind.<KIND> and slug of
        // its own or of its callers in the file, hides that slug from the scan.
        List<String> hidden = new ArrayList<>();
        mainSources(Contracts.root()).forEach((file, source) -> {
            if (source.contains("extends DomainException")
                    && !KIND.matcher(source).find()) {
                hidden.add(file.toString());
            }
        });
        assertThat(hidden)
                .as("domain exceptions whose slug the scan cannot see")
                .isEmpty();
    }

    @Test
    void only_problem_type_joins_a_slug_to_the_base_uri() {
        // A type URI built anywhere else would not pass through the patterns the scan reads.
        List<String> elsewhere = new ArrayList<>();
        mainSources(Contracts.root()).forEach((file, source) -> {
            if (TYPE_BASE.matcher(source).find()
                    && !file.endsWith(Path.of("se/techtank/platform/problem/Problem.java"))) {
                elsewhere.add(file.toString());
            }
        });
        assertThat(elsewhere).as("sources that use Problem.TYPE_BASE directly").isEmpty();
    }

    @Test
    void the_scan_reads_literals_constants_families_and_kinds() {
        Scan scan = scan(Map.of(
                Path.of("A.java"),
                """
                public static final String GONE = "gone";
                respond(new Problem(Problem.type("malformed-json"), "Malformed JSON", 400));
                respond(new Problem(Problem.type(GONE), "Gone", 410));
                respond(new Problem(Problem.type(A.GONE), "Gone", 410));
                respond(new Problem(Problem.type(e.type()), e.title(), status));
                default -> Problem.type("http-" + status);
                """,
                Path.of("B.java"),
                """
                super(
                        Kind.CONFLICT,
                        "duplicate-thing",
                        "Duplicate " + name(x, y),
                        "detail");
                super(Kind.RULE_VIOLATION, ProblemMappers.VALIDATION_FAILED, "Validation failed", message);
                new Closed(Kind.CONFLICT, "meeting-draft", "Meeting is draft", detail);
                """,
                Path.of("ProblemMappers.java"),
                "public static final String VALIDATION_FAILED = \"validation-failed\";"));

        assertThat(scan.unreadable()).isEmpty();
        assertThat(scan.slugs())
                .containsExactlyInAnyOrder(
                        "malformed-json",
                        "gone",
                        "http-<status>",
                        "duplicate-thing",
                        "validation-failed",
                        "meeting-draft");
    }

    @Test
    void a_slug_the_scan_cannot_read_is_named_with_its_place() {
        Scan scan = scan(Map.of(Path.of("C.java"), """
                String slug = switch (status) { case 404 -> "not-found"; default -> "other"; };
                respond(new Problem(Problem.type(slug), "x", status));
                super(Kind.CONFLICT, type, title, detail);
                """));

        assertThat(scan.unreadable()).containsExactly("C.java:2: slug", "C.java:3: type");
        assertThat(scan.slugs()).isEmpty();
    }

    @Test
    void the_documented_types_are_the_backticked_ones_of_the_types_table() {
        Set<String> documented = documented("""
                Unknown fields are refused (400, type `unknown-field`).

                | status | type (after `https://api.techtank.se/problems/`) | when |
                |---|---|---|
                | 400 | `malformed-json` | the body is not JSON (`errors` names the field) |
                | 409 | events-service: `duplicate-registration`, `meeting-draft` | the detail says why |
                | 4xx | `http-<status>` | any other |

                | other | table |
                |---|---|
                | 418 | `teapot` |
                """);

        assertThat(documented)
                .containsExactlyInAnyOrder(
                        "malformed-json", "duplicate-registration", "meeting-draft", "http-<status>");
    }

    /** The slugs found, and the arguments (file:line: argument) that name a slug the scan cannot read. */
    record Scan(Set<String> slugs, List<String> unreadable) {}

    static Scan scan(Map<Path, String> sources) {
        Map<String, Set<String>> constants = new HashMap<>();
        sources.values().forEach(source -> {
            Matcher constant = STRING_CONSTANT.matcher(source);
            while (constant.find()) {
                constants
                        .computeIfAbsent(constant.group(1), name -> new TreeSet<>())
                        .add(constant.group(2));
            }
        });
        Set<String> slugs = new TreeSet<>();
        List<String> unreadable = new ArrayList<>();
        new java.util.TreeMap<>(sources).forEach((file, source) -> {
            for (Pattern before : List.of(PROBLEM_TYPE, KIND)) {
                Matcher at = before.matcher(source);
                while (at.find()) {
                    String argument = argumentAt(source, at.end());
                    String slug = slugOf(argument, constants);
                    if (slug == null) {
                        unreadable.add(file + ":" + lineOf(source, at.start()) + ": " + argument);
                    } else if (!slug.isEmpty()) {
                        slugs.add(slug);
                    }
                }
            }
        });
        return new Scan(slugs, unreadable);
    }

    /** The slug an argument names, "" when it passes another one on, or null when the scan cannot tell. */
    private static String slugOf(String argument, Map<String, Set<String>> constants) {
        Matcher literal = LITERAL.matcher(argument);
        if (literal.matches()) {
            return slug(literal.group(1));
        }
        Matcher family = FAMILY.matcher(argument);
        if (family.matches()) {
            return slug(family.group(1) + "<" + family.group(2) + ">");
        }
        Matcher constant = CONSTANT.matcher(argument);
        if (constant.matches()) {
            Set<String> values = constants.getOrDefault(constant.group(1), Set.of());
            return values.size() == 1 ? slug(values.iterator().next()) : null;
        }
        return PASSED_ON.matcher(argument).matches() ? "" : null;
    }

    private static String slug(String candidate) {
        return SLUG.matcher(candidate).matches() ? candidate : null;
    }

    /** The argument that starts at {@code from}, up to the comma or parenthesis that ends it. */
    private static String argumentAt(String source, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')' || c == ';') && depth == 0) {
                return source.substring(from, i).strip();
            }
        }
        return source.substring(from).strip();
    }

    private static int lineOf(String source, int index) {
        return (int) source.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The backticked slugs in the type column of the table whose header names the type column. */
    static Set<String> documented(String markdown) {
        Set<String> slugs = new TreeSet<>();
        boolean inTable = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("|") && line.contains("| type (after")) {
                inTable = true;
                continue;
            }
            if (!inTable) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            String[] columns = line.split("\\|");
            if (columns.length < 3 || columns[2].strip().startsWith("---")) {
                continue;
            }
            Matcher backticked = BACKTICKED.matcher(columns[2]);
            while (backticked.find()) {
                slugs.add(backticked.group(1));
            }
        }
        return slugs;
    }

    /** The Java sources under every module's src/main/java, by path from the repository root. */
    private static Map<Path, String> mainSources(Path root) {
        Map<Path, String> sources = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .map(root::relativize)
                    .filter(ProblemTypesTest::isMainSource)
                    .forEach(file -> sources.put(file, read(root.resolve(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static boolean isMainSource(Path file) {
        String path = file.toString().replace('\\', '/');
        // Build output and hidden folders hold copies (generated sources, other checkouts), not the code.
        return path.contains("/src/main/java/")
                && !path.startsWith(".")
                && !path.contains("/target/")
                && !path.contains("/.");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
