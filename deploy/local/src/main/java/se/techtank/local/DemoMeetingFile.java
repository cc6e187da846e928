package se.techtank.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo meetings' texts and settings, {@code demo-meetings.json} next to this class: who they are for,
 * where, how many seats, and who registers. Their dates come from {@link DemoMeetings#plans}.
 *
 * <p>Every field is checked as the file is read, so that a mistake in it fails here (and in the test)
 * rather than as a 422 from events-service while the stack starts.
 */
record DemoMeetingFile(List<Meeting> meetings) {

    static final String RESOURCE = "demo-meetings.json";

    /** One meeting of the file: everything but its dates. */
    record Meeting(
            String key,
            DayOfWeek weekday,
            String kind,
            String titleSv,
            String titleEn,
            String descriptionSv,
            String descriptionEn,
            String municipalityCode,
            String series,
            List<Map<String, String>> coOrganisers,
            String venueName,
            String venueAddress,
            LocalTime start,
            LocalTime end,
            int capacity,
            int maxPerCompany,
            int registrationClosesDaysBefore,
            String audience,
            boolean approvalRequired,
            List<String> focusAreas,
            List<DemoMeetings.Registration> registrations) {}

    static DemoMeetingFile load() {
        try (InputStream in = DemoMeetingFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("No " + RESOURCE + " next to " + DemoMeetingFile.class.getName());
            }
            return parse(ApiClient.JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    static DemoMeetingFile parse(JsonNode root) {
        Map<String, DemoMeetings.Person> people = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : required(root, "people", "").properties()) {
            String where = "people." + entry.getKey();
            JsonNode person = entry.getValue();
            people.put(
                    entry.getKey(),
                    new DemoMeetings.Person(
                            text(person, "name", where),
                            text(person, "email", where),
                            text(person, "organisationNumber", where),
                            text(person, "language", where)));
        }
        List<Meeting> meetings = new ArrayList<>();
        JsonNode list = required(root, "meetings", "");
        for (int i = 0; i < list.size(); i++) {
            meetings.add(meeting(list.get(i), "meetings[" + i + "]", people));
        }
        if (meetings.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no meetings");
        }
        return new DemoMeetingFile(List.copyOf(meetings));
    }

    private static Meeting meeting(JsonNode node, String where, Map<String, DemoMeetings.Person> people) {
        String key = text(node, "key", where);
        where = where + " (" + key + ")";
        JsonNode title = required(node, "title", where);
        JsonNode description = required(node, "description", where);
        JsonNode venue = required(node, "venue", where);
        List<Map<String, String>> coOrganisers = new ArrayList<>();
        for (JsonNode coOrganiser : required(node, "coOrganisers", where)) {
            coOrganisers.add(Map.of(
                    "name", text(coOrganiser, "name", where + ".coOrganisers"),
                    "email", text(coOrganiser, "email", where + ".coOrganisers")));
        }
        List<String> focusAreas = new ArrayList<>();
        for (JsonNode focusArea : required(node, "focusAreas", where)) {
            focusAreas.add(focusArea.asText());
        }
        List<DemoMeetings.Registration> registrations = new ArrayList<>();
        for (JsonNode registration : required(node, "registrations", where)) {
            String person = text(registration, "person", where + ".registrations");
            if (!people.containsKey(person)) {
                throw new IllegalStateException(where + " registers " + person + ", who is not in people");
            }
            registrations.add(new DemoMeetings.Registration(
                    people.get(person),
                    optionalText(registration, "dietaryRequirements"),
                    optionalText(registration, "message")));
        }
        return new Meeting(
                key,
                weekday(text(node, "weekday", where), where),
                text(node, "kind", where),
                text(title, "sv", where + ".title"),
                text(title, "en", where + ".title"),
                text(description, "sv", where + ".description"),
                text(description, "en", where + ".description"),
                text(node, "municipalityCode", where),
                optionalText(node, "series"),
                List.copyOf(coOrganisers),
                text(venue, "name", where + ".venue"),
                text(venue, "address", where + ".venue"),
                time(text(node, "start", where), where),
                time(text(node, "end", where), where),
                number(node, "capacity", where),
                number(node, "maxPerCompany", where),
                number(node, "registrationClosesDaysBefore", where),
                text(node, "audience", where),
                bool(node, "approvalRequired", where),
                List.copyOf(focusAreas),
                List.copyOf(registrations));
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalStateException(RESOURCE + ": " + where + " has no " + field);
        }
        return value;
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException(RESOURCE + ": " + where + "." + field + " is not a text: " + value);
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static int number(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.canConvertToInt()) {
            throw new IllegalStateException(RESOURCE + ": " + where + "." + field + " is not a number: " + value);
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (!value.isBoolean()) {
            throw new IllegalStateException(RESOURCE + ": " + where + "." + field + " is not true or false: " + value);
        }
        return value.asBoolean();
    }

    private static DayOfWeek weekday(String text, String where) {
        try {
            return DayOfWeek.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + ": " + where + ".weekday is not a day: " + text);
        }
    }

    private static LocalTime time(String text, String where) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(RESOURCE + ": " + where + " has a time that is not HH:mm: " + text);
        }
    }
}
