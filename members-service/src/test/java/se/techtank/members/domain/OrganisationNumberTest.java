package se.techtank.members.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganisationNumberTest {

    @ParameterizedTest
    @CsvSource({
        "556036-0793, 556036-0793",
        "5560360793, 556036-0793",
        "16556036-0793, 556036-0793",
        "165560360793, 556036-0793",
        "' 202100-5489 ', 202100-5489",
        "2021005489, 202100-5489"
    })
    void accepts_every_written_form_and_normalises_it(String input, String normalised) {
        assertThat(OrganisationNumber.parse(input)).contains(normalised);
        assertThat(OrganisationNumber.of(input).value()).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "556036-0794", // wrong check digit
                "551036-0793", // digits 3-4 below 20: a personnummer's month
                "800101-1234", // a personnummer
                "55603-60793", // hyphen in the wrong place
                "556036079", // too short
                "175560360793", // 12 digits without the 16 prefix
                "55603607 93",
                "abcdef-ghij",
                ""
            })
    void rejects_what_is_not_an_organisation_number(String input) {
        assertThat(OrganisationNumber.isValid(input)).isFalse();
        assertThatThrownBy(() -> OrganisationNumber.of(input)).isInstanceOf(IllegalArgumentException.class);
    }

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
}
