package se.techtank.platform.query;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    enum Colour {
        RED,
        GREEN,
        BLUE
    }

    private final QueryParameters parameters = new QueryParameters();

    @Test
    void blank_is_absent_and_values_are_stripped() {
        assertThat(QueryParameters.text(null)).isNull();
        assertThat(QueryParameters.text("  ")).isNull();
        assertThat(QueryParameters.text(" x ")).isEqualTo("x");
        assertThat(parameters.oneOf("colour", " ", Colour.class)).isNull();
        assertThat(parameters.date("from", "")).isNull();
        assertThat(parameters.time("since", null)).isNull();
        assertThat(parameters.errors()).isEmpty();
    }

    @Test
    void reads_constants_dates_and_times() {
        assertThat(parameters.oneOf("colour", " GREEN ", Colour.class)).isEqualTo(Colour.GREEN);
        assertThat(parameters.date("from", "2026-10-01")).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(parameters.time("since", "2026-10-01T00:00:00+02:00"))
                .isEqualTo(OffsetDateTime.parse("2026-10-01T00:00:00+02:00"));
        assertThat(parameters.text("q", "pressverktyg", 100)).isEqualTo("pressverktyg");
        assertThat(parameters.uuid("id", " 3f2a6d2e-8c1b-4f4e-9a51-2d7c0e5b9a10 "))
                .isEqualTo(java.util.UUID.fromString("3f2a6d2e-8c1b-4f4e-9a51-2d7c0e5b9a10"));
        assertThat(parameters.errors()).isEmpty();
    }

    @Test
    void a_repeatable_parameter_takes_repeats_and_commas_and_skips_blanks() {
        assertThat(parameters.allOf("colour", List.of("RED,BLUE", " GREEN", ","), Colour.class))
                .containsExactlyInAnyOrder(Colour.RED, Colour.GREEN, Colour.BLUE);
        assertThat(parameters.allOf("colour", null, Colour.class)).isEmpty();
        assertThat(parameters.errors()).isEmpty();
    }

    @Test
    void each_malformed_value_is_named_with_what_it_must_be() {
        parameters.oneOf("colour", "PURPLE", Colour.class);
        parameters.oneOf("shade", "dark", Colour.class, "must be a colour");
        parameters.allOf("colours", Arrays.asList("RED,PINK", "GREY"), Colour.class);
        parameters.date("from", "2026-13-01");
        parameters.time("since", "2026-10-01");
        parameters.text("q", "x".repeat(101), 100);
        parameters.uuid("id", "not-a-uuid");

        assertThat(parameters.errors())
                .containsExactly(
                        new FieldError("colour", "must be one of RED, GREEN, BLUE"),
                        new FieldError("shade", "must be a colour"),
                        new FieldError("colours", "must be one of RED, GREEN, BLUE"),
                        new FieldError("colours", "must be one of RED, GREEN, BLUE"),
                        new FieldError("from", "must be a date, e.g. 2026-10-01"),
                        new FieldError("since", "must be an ISO-8601 time with offset, e.g. 2026-10-01T00:00:00Z"),
                        new FieldError("q", "must be at most 100 characters"),
                        new FieldError("id", "must be a UUID"));
    }

    @Test
    void throws_one_invalid_request_naming_every_error() {
        parameters.throwIfInvalid("Never thrown.");
        parameters.oneOf("colour", "PURPLE", Colour.class);
        parameters.reject("municipality", "must be a Swedish municipality code, e.g. 1082");

        assertThatThrownBy(() -> parameters.throwIfInvalid("The list parameters are invalid."))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The list parameters are invalid.");
                    assertThat(e.type()).isEqualTo("invalid-request");
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("colour", "municipality");
                });
    }
}
