package se.techtank.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalizedTextTest {

    @Test
    void swedish_is_required_and_english_falls_back_to_it() {
        LocalizedText swedishOnly = new LocalizedText(" Frukostmöte ", "  ");
        assertThat(swedishOnly.sv()).isEqualTo("Frukostmöte");
        assertThat(swedishOnly.en()).isNull();
        assertThat(swedishOnly.in(Language.EN)).isEqualTo("Frukostmöte");
        assertThat(new LocalizedText("Frukostmöte", "Breakfast meeting").in(Language.EN))
                .isEqualTo("Breakfast meeting");
        assertThatThrownBy(() -> new LocalizedText(" ", "Breakfast meeting"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void languages_are_known_by_their_iso_code() {
        assertThat(Language.of("en")).contains(Language.EN);
        assertThat(Language.of("de")).isEmpty();
        assertThat(Language.DEFAULT.code()).isEqualTo("sv");
    }
}
