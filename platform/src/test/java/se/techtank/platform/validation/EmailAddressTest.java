package se.techtank.platform.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTest {

    @Test
    void an_address_is_stripped_and_its_domain_written_in_lower_case() {
        assertThat(EmailAddress.of("  Anna.Berg@Pressverktyg.SE ").value()).isEqualTo("Anna.Berg@pressverktyg.se");
    }

    @Test
    void addresses_that_differ_only_in_letter_case_compare_equal() {
        assertThat(EmailAddress.of("Anna.Berg@pressverktyg.se").comparable())
                .isEqualTo(EmailAddress.of("anna.berg@PRESSVERKTYG.se").comparable())
                .isEqualTo("anna.berg@pressverktyg.se");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anna@pressverktyg.se",
                "anna.berg+techtank@pressverktyg.se",
                "o'neil@example.co.uk",
                "åsa.öberg@sölvesborgsstål.se",
                "x@a-b.example.se"
            })
    void ordinary_addresses_are_accepted(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "anna",
                "anna@",
                "@pressverktyg.se",
                "anna@pressverktyg",
                "anna berg@pressverktyg.se",
                "anna@@pressverktyg.se",
                "anna..berg@pressverktyg.se",
                ".anna@pressverktyg.se",
                "anna@-pressverktyg.se",
                "anna@pressverktyg.s"
            })
    void malformed_addresses_are_refused(String address) {
        assertThat(EmailAddress.isValid(address)).isFalse();
    }

    @Test
    void an_overlong_address_is_refused() {
        assertThat(EmailAddress.isValid("a".repeat(65) + "@pressverktyg.se")).isFalse();
        assertThat(EmailAddress.isValid("a@" + "b".repeat(250) + ".se")).isFalse();
    }

    @Test
    void only_normalised_values_make_an_email_address() {
        assertThatThrownBy(() -> new EmailAddress("anna@Pressverktyg.se")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.of("no address")).isInstanceOf(IllegalArgumentException.class);
    }
}
