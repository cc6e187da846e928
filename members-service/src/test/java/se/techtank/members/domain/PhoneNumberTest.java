package se.techtank.members.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0454-30 00 00", "+46 454 30 00 00", "045430000", "070-123 45 67"})
    void numbers_as_people_write_them_are_accepted(String number) {
        assertThat(PhoneNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "+46 (0)454 30", "1234", "0454-", "++46 454 300", "0454/300000"})
    void anything_else_is_refused(String number) {
        assertThat(PhoneNumber.isValid(number)).isFalse();
    }

    @Test
    void runs_of_blanks_become_one_space() {
        assertThat(PhoneNumber.parse("  +46  454\t30 00 00 ")).contains("+46 454 30 00 00");
    }
}
