package se.techtank.members.domain;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import se.techtank.kernel.OrganisationNumber;
import se.techtank.kernel.SniCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompanyProfileRulesTest {

    @ParameterizedTest
    @CsvSource({
        "25110, 25.110, C",
        "25.110, 25.110, C",
        "25.11, 25.11, C",
        "251, 25.1, C",
        "25, 25, C",
        "01.110, 01.110, A",
        "62.010, 62.010, J",
        "99000, 99.000, U"
    })
    void sni_codes_are_normalised_and_know_their_section(String input, String normalised, char section) {
        SniCode code = SniCode.of(input);

        assertThat(code.value()).isEqualTo(normalised);
        assertThat(code.section()).isEqualTo(section);
    }

    @ParameterizedTest
    @ValueSource(strings = {"04.100", "34.000", "40", "00110", "2", "251100", "25-110", "ab.cde", "25.", " "})
    void sni_codes_of_divisions_that_do_not_exist_or_of_another_form_are_refused(String input) {
        assertThat(SniCode.isValid(input)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "0, MICRO",
        "9, MICRO",
        "10, SMALL",
        "49, SMALL",
        "50, MEDIUM",
        "249, MEDIUM",
        "250, LARGE",
        "12000, LARGE"
    })
    void the_size_class_follows_the_eu_sme_thresholds(int employees, SizeClass sizeClass) {
        assertThat(SizeClass.of(employees)).isEqualTo(sizeClass);
    }

    @ParameterizedTest
    @CsvSource({
        "556036-0793, LIMITED_COMPANY",
        "202100-5489, PUBLIC_SECTOR",
        "969663-7033, TRADING_PARTNERSHIP",
        "769605-4233, ECONOMIC_ASSOCIATION",
        "802002-8711, NON_PROFIT_ASSOCIATION_OR_FOUNDATION"
    })
    void the_legal_form_comes_from_the_first_digit(String organisationNumber, LegalForm legalForm) {
        assertThat(LegalForm.of(OrganisationNumber.of(organisationNumber))).isEqualTo(legalForm);
    }

    @org.junit.jupiter.api.Test
    void secondary_codes_need_a_primary_and_employees_cannot_be_negative() {
        assertThatThrownBy(
                        () -> new CompanyProfile("AB", "1060", null, List.of(SniCode.of("25.110")), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompanyProfile("AB", "1060", null, List.of(), -1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"29338, 293 38", "293 38, 293 38", "2933, ''", "293-38, ''"})
    void postal_codes_are_written_with_a_space(String input, String normalised) {
        assertThat(PostalAddress.normalisePostalCode(input)).isEqualTo(normalised.isEmpty() ? null : normalised);
    }
}
