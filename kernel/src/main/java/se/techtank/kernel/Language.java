package se.techtank.kernel;

import java.util.Arrays;
import java.util.Optional;

/** The language a contact person wants to be written to in: Swedish first, English second. */
public enum Language {
    SV("sv"),
    EN("en");

    /** What a contact gets when nobody said otherwise. */
    public static final Language DEFAULT = SV;

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as the API and the events write it. */
    public String code() {
        return code;
    }

    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
