package se.techtank.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MunicipalityCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1060", "1080", "1081", "1082", "1083"})
    void the_five_blekinge_municipalities_are_in_blekinge(String code) {
        assertThat(MunicipalityCode.isValid(code)).isTrue();
        assertThat(MunicipalityCode.inBlekinge(code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"1280, true", "0180, true", "2584, true", "0280, false", "1180, false", "2680, false", "108, false"})
    void municipality_codes_start_with_a_county_code(String code, boolean valid) {
        assertThat(MunicipalityCode.isValid(code)).isEqualTo(valid);
        assertThat(MunicipalityCode.inBlekinge(code)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 60", "1o60", "\u0661\u0660\u0666\u0660", "\uff11\uff10\uff16\uff10", "10600", ""})
    void only_four_ascii_digits_are_a_code(String code) {
        // Other scripts' digits are digits to Character.isDigit but are no SCB code.
        assertThat(MunicipalityCode.isValid(code)).isFalse();
        assertThat(new ValidMunicipalityCode.Validator().isValid(code, null)).isFalse();
    }

    @Test
    void null_is_no_code_but_is_left_to_not_null_by_the_constraint() {
        assertThat(MunicipalityCode.isValid(null)).isFalse();
        assertThat(MunicipalityCode.inBlekinge(null)).isFalse();
        assertThat(new ValidMunicipalityCode.Validator().isValid(null, null)).isTrue();
        assertThat(new ValidMunicipalityCode.Validator().isValid("1081", null)).isTrue();
    }
}
