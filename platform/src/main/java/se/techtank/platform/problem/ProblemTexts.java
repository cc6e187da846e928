package se.techtank.platform.problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Swedish texts of problem answers (title, detail, {@code errors[].message}), read from
 * {@code techtank/problem-texts.sv.txt}: a catalogue keyed by the English text the code writes, as gettext
 * does, so that a message stays written once, in English, where it is raised, and its translation sits beside
 * all the others. A text the catalogue does not have stays English; the {@code type} never changes.
 */
public final class ProblemTexts {

    static final String RESOURCE = "techtank/problem-texts.sv.txt";
    private static final String SEPARATOR = " => ";
    private static final String TITLE = "title.";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(\\*?)}");

    /**
     * A text with variable parts: the English form as a pattern, the Swedish with {1}, {2}, … to fill in; a part
     * written {@code {1*}} must itself have a Swedish form, or the template does not apply (so that "must be
     * {1*}" never gives half a sentence in each language).
     */
    private record Template(Pattern english, List<Integer> order, List<Boolean> translatedOnly, String swedish) {}

    private final Map<String, String> titles;
    private final Map<String, String> exact;
    private final List<Template> templates;

    private ProblemTexts(Map<String, String> titles, Map<String, String> exact, List<Template> templates) {
        this.titles = titles;
        this.exact = exact;
        this.templates = templates;
    }

    private static final class Swedish {
        static final ProblemTexts INSTANCE = load(RESOURCE);
    }

    /** The Swedish catalogue packaged with the platform. */
    public static ProblemTexts swedish() {
        return Swedish.INSTANCE;
    }

    static ProblemTexts load(String resource) {
        try (InputStream in = ProblemTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static ProblemTexts parse(List<String> lines) {
        Map<String, String> titles = new HashMap<>();
        Map<String, String> exact = new HashMap<>();
        List<Template> templates = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int separator = line.indexOf(SEPARATOR);
            if (separator < 0) {
                throw new IllegalArgumentException("No '" + SEPARATOR.strip() + "' in: " + line);
            }
            String english = line.substring(0, separator).strip();
            String swedish = line.substring(separator + SEPARATOR.length()).strip();
            if (english.startsWith(TITLE)) {
                titles.put(english.substring(TITLE.length()), swedish);
            } else if (PLACEHOLDER.matcher(english).find()) {
                templates.add(template(english, swedish));
            } else {
                exact.put(english, swedish);
            }
        }
        // The most specific first: a longer fixed text wins over a shorter one ("must be {1}").
        templates.sort((a, b) -> Integer.compare(fixedLength(b.english()), fixedLength(a.english())));
        return new ProblemTexts(Map.copyOf(titles), Map.copyOf(exact), List.copyOf(templates));
    }

    private static Template template(String english, String swedish) {
        StringBuilder regex = new StringBuilder("^");
        List<Integer> order = new ArrayList<>();
        List<Boolean> translatedOnly = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(english);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(english.substring(at, placeholder.start())))
                    .append("(.+?)");
            order.add(Integer.parseInt(placeholder.group(1)));
            translatedOnly.add(!placeholder.group(2).isEmpty());
            at = placeholder.end();
        }
        regex.append(Pattern.quote(english.substring(at))).append("$");
        return new Template(
                Pattern.compile(regex.toString(), Pattern.DOTALL), order, translatedOnly, swedish.replace("*}", "}"));
    }

    private static int fixedLength(Pattern english) {
        return english.pattern().replace("(.+?)", "").length();
    }

    /** The Swedish title of problem type {@code slug} ({@code http-<status>} by its family), if there is one. */
    public String title(String slug) {
        String title = titles.get(slug);
        if (title == null && slug.startsWith("http-")) {
            title = titles.get("http-");
        }
        return title;
    }

    /** The Swedish form of {@code english}, or {@code english} itself when the catalogue has none. */
    public String text(String english) {
        if (english == null) {
            return null;
        }
        String found = exact.get(english);
        if (found != null) {
            return found;
        }
        for (Template template : templates) {
            Matcher match = template.english().matcher(english);
            if (!match.matches()) {
                continue;
            }
            String swedish = template.swedish();
            boolean whole = true;
            for (int i = 0; i < template.order().size() && whole; i++) {
                String part = match.group(i + 1);
                String translated = text(part);
                whole = !template.translatedOnly().get(i) || !translated.equals(part);
                swedish = swedish.replace("{" + template.order().get(i) + "}", translated);
            }
            if (whole) {
                return swedish;
            }
        }
        return english;
    }

    /** Whether the catalogue has a Swedish form of {@code english} (exactly or by a template). */
    public boolean has(String english) {
        return !text(english).equals(english);
    }

    /** The problem with its texts in Swedish where the catalogue has them. */
    public Problem translate(Problem problem) {
        String title = title(Problem.slug(problem.type()));
        List<FieldError> errors = problem.errors() == null
                ? null
                : problem.errors().stream()
                        .map(error -> new FieldError(error.field(), text(error.message())))
                        .toList();
        return new Problem(
                problem.type(),
                title == null ? problem.title() : title,
                problem.status(),
                text(problem.detail()),
                problem.instance(),
                problem.errorId(),
                errors);
    }

    /**
     * Whether {@code acceptLanguage} prefers Swedish to English: of the two, Swedish has the higher weight
     * ({@code sv}, {@code sv-SE}; {@code *} counts for English, the default). Malformed headers mean English.
     */
    public static boolean prefersSwedish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = range.getRange().toLowerCase(Locale.ROOT);
                if (range.getWeight() <= 0) {
                    continue;
                }
                if (tag.equals("sv") || tag.startsWith("sv-")) {
                    return true;
                }
                if (tag.equals("en") || tag.startsWith("en-") || tag.equals("*")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return false;
    }
}
