package se.techtank.platform.json;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads the API's local times (a meeting's start, say) as docs/api-conventions.md describes them: a local
 * time in Europe/Stockholm without offset ({@code 2026-12-15T08:30}), or a time with an offset or {@code Z}
 * ({@code 2026-12-15T07:30:00+01:00}, {@code 2026-12-15T07:30:00.000Z}), converted to the local time in
 * Stockholm at that instant. So every time a response shows (with the day's offset) can be sent back as it
 * is, and a browser's {@code toISOString()} lands at the right local time instead of having its {@code Z}
 * dropped. A local time that does not exist in Stockholm (the hour skipped when summer time starts) is read
 * as given; the operation's own rules answer 422 for it.
 */
public final class StockholmLocalDateTimeDeserializer extends StdScalarDeserializer<LocalDateTime> {

    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    public StockholmLocalDateTimeDeserializer() {
        super(LocalDateTime.class);
    }

    @Override
    public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (LocalDateTime) context.handleUnexpectedToken(LocalDateTime.class, parser);
        }
        String text = parser.getText().strip();
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.atZoneSameInstant(STOCKHOLM).toLocalDateTime()
                    : (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            return (LocalDateTime) context.handleWeirdStringValue(LocalDateTime.class, text, "not an ISO 8601 time");
        }
    }
}
