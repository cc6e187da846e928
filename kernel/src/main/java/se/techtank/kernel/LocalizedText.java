package se.techtank.kernel;

/** A text people read, in Swedish (required) and English (optional). */
public record LocalizedText(String sv, String en) {

    public LocalizedText {
        if (sv == null || sv.isBlank()) {
            throw new IllegalArgumentException("A Swedish text is required");
        }
        sv = sv.strip();
        en = en == null || en.isBlank() ? null : en.strip();
    }

    /** The text in {@code language}, Swedish when there is no English. */
    public String in(Language language) {
        return language == Language.EN && en != null ? en : sv;
    }
}
