package se.techtank.kernel;

import org.junit.jupiter.api.Test;
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

    @Test
    void the_constraint_accepts_every_written_form_and_leaves_null_to_not_null() {
        ValidOrganisationNumber.Validator validator = new ValidOrganisationNumber.Validator();
        assertThat(validator.isValid("16556036-0793", null)).isTrue();
        assertThat(validator.isValid(null, null)).isTrue();
        assertThat(validator.isValid("556036-0794", null)).isFalse();
    }

    @Test
    void only_the_normalised_form_makes_a_value() {
        assertThatThrownBy(() -> new OrganisationNumber("5560360793")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OrganisationNumber("556036-0793")).hasToString("556036-0793");
    }
}
