package se.techtank.platform.versioning;

import org.junit.jupiter.api.Test;

import se.techtank.platform.problem.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityVersionsTest {

    @Test
    void if_match_names_the_version_plain_weak_or_with_the_fingerprint_of_a_read() {
        assertThat(EntityVersions.fromIfMatch("\"3\"")).isEqualTo(3);
        assertThat(EntityVersions.fromIfMatch("W/\"3\"")).isEqualTo(3);
        assertThat(EntityVersions.fromIfMatch("\"12.q1w2e3r4t5y6u7i8o9p0aa\"")).isEqualTo(12);
    }

    @Test
    void anything_else_is_refused() {
        assertThatThrownBy(() -> EntityVersions.fromIfMatch(null))
                .isInstanceOf(EntityVersions.PreconditionRequiredException.class);
        assertThatThrownBy(() -> EntityVersions.fromIfMatch("\"abc\"")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> EntityVersions.fromIfMatch("\".3\"")).isInstanceOf(InvalidRequestException.class);
    }
}
