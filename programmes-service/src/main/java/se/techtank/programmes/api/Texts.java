package se.techtank.programmes.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.LocalizedText;

/** Shapes shared by the programmes API's requests and answers. */
final class Texts {

    /** The API's times: Stockholm local time with that day's offset. */
    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private Texts() {}

    static OffsetDateTime stockholm(Instant instant) {
        return instant == null ? null : instant.atZone(STOCKHOLM).toOffsetDateTime();
    }

    @Schema(name = "LocalizedText", description = "A text in Swedish (required) and English")
    record Text(
            @Schema(description = "Swedish", required = true) @NotBlank @Size(max = 5000)
            String sv,

            @Schema(description = "English") @Size(max = 5000)
            String en) {

        LocalizedText toText() {
            return new LocalizedText(sv, en);
        }

        static Text of(LocalizedText text) {
            return new Text(text.sv(), text.en());
        }
    }
}
