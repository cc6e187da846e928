package se.techtank.local;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoMeetingFileTest {

    private static final Set<String> MUNICIPALITIES = Set.of("1060", "1080", "1081", "1082", "1083");

    @Test
    void loadsTheSevenMeetingsInDateOrderEachWithEveryField() {
        List<DemoMeetingFile.Meeting> meetings = DemoMeetingFile.load().meetings();

        assertEquals(
                List.of(
                        "branschtraff-1060",
                        "medlemstraff-produktionsledare",
                        "branschtraff-1080",
                        DemoMeetings.LEANKONFERENS,
                        "branschtraff-1081",
                        "branschtraff-1082",
                        "branschtraff-1083"),
                meetings.stream().map(DemoMeetingFile.Meeting::key).toList());
        for (DemoMeetingFile.Meeting meeting : meetings) {
            String key = meeting.key();
            assertTrue(meeting.weekday() == DayOfWeek.TUESDAY || meeting.weekday() == DayOfWeek.THURSDAY, key);
            assertTrue(Set.of("INDUSTRY_MEETING", "CONFERENCE", "NETWORKING").contains(meeting.kind()), key);
            for (String text : List.of(
                    meeting.titleSv(),
                    meeting.titleEn(),
                    meeting.descriptionSv(),
                    meeting.descriptionEn(),
                    meeting.venueName(),
                    meeting.venueAddress())) {
                assertFalse(text.isBlank(), key);
            }
            assertTrue(MUNICIPALITIES.contains(meeting.municipalityCode()), key);
            assertTrue(meeting.start().isBefore(meeting.end()), key);
            assertTrue(meeting.capacity() > 0, key);
            assertTrue(meeting.maxPerCompany() > 0, key);
            assertTrue(meeting.registrationClosesDaysBefore() >= 1, key);
            assertTrue(Set.of("PUBLIC", "MEMBERS_ONLY").contains(meeting.audience()), key);
            assertFalse(meeting.focusAreas().isEmpty(), key);
            assertFalse(meeting.registrations().isEmpty(), key);
            for (DemoMeetings.Registration registration : meeting.registrations()) {
                DemoMeetings.Person person = registration.person();
                assertFalse(person.name().isBlank(), key);
                assertTrue(person.email().endsWith(".example.se"), person.email());
                assertTrue(DemoData.validOrganisationNumber(person.organisationNumber()), person.name());
                assertTrue(Set.of("sv", "en").contains(person.language()), person.name());
            }
            meeting.coOrganisers().forEach(coOrganiser -> assertEquals(Set.of("name", "email"), coOrganiser.keySet()));
        }
    }

    @Test
    void theBranschtraffarAreBreakfastMeetingsOfOneSeriesWithTheBusinessOffice() {
        List<DemoMeetingFile.Meeting> series = DemoMeetingFile.load().meetings().stream()
                .filter(meeting -> meeting.kind().equals("INDUSTRY_MEETING"))
                .toList();

        assertEquals(5, series.size());
        for (DemoMeetingFile.Meeting meeting : series) {
            assertEquals("branschtraff-" + meeting.municipalityCode(), meeting.key());
            assertEquals("Branschträffar hösten {year}", meeting.series());
            assertEquals(LocalTime.of(7, 30), meeting.start());
            assertEquals(LocalTime.of(9, 30), meeting.end());
            assertEquals(40, meeting.capacity());
            assertEquals(3, meeting.maxPerCompany());
            assertEquals(2, meeting.registrationClosesDaysBefore());
            assertEquals("PUBLIC", meeting.audience());
            assertFalse(meeting.approvalRequired());
            assertTrue(meeting.descriptionSv().endsWith(" Frukost serveras från 07:15."), meeting.key());
            assertTrue(meeting.descriptionEn().endsWith(" Breakfast is served from 07:15."), meeting.key());
            assertEquals(1, meeting.coOrganisers().size());
            assertTrue(meeting.coOrganisers().get(0).get("name").startsWith("Näringslivskontoret "));
        }
    }

    @Test
    void leankonferensIsReadWithAllItsFieldsAndItsWaitlistInOrder() {
        DemoMeetingFile.Meeting lean = DemoMeetingFile.load().meetings().get(3);

        assertEquals(DemoMeetings.LEANKONFERENS, lean.key());
        assertEquals(DayOfWeek.THURSDAY, lean.weekday());
        assertEquals("CONFERENCE", lean.kind());
        assertEquals("Leankonferens Blekinge", lean.titleSv());
        assertEquals("Lean Conference Blekinge", lean.titleEn());
        assertTrue(lean.descriptionSv().startsWith("En dag om lean i tillverkande företag"));
        assertTrue(lean.descriptionEn().endsWith("Lunch and coffee included."));
        assertEquals("1080", lean.municipalityCode());
        assertNull(lean.series());
        assertEquals(
                List.of(Map.of("name", "Näringslivskontoret Karlskrona", "email", "naringsliv@karlskrona.example.se")),
                lean.coOrganisers());
        assertEquals("Konferens Trossö", lean.venueName());
        assertEquals("Ronnebygatan 20, 371 33 Karlskrona", lean.venueAddress());
        assertEquals(LocalTime.of(9, 0), lean.start());
        assertEquals(LocalTime.of(16, 0), lean.end());
        assertEquals(12, lean.capacity());
        assertEquals(2, lean.maxPerCompany());
        assertEquals(3, lean.registrationClosesDaysBefore());
        assertEquals("PUBLIC", lean.audience());
        assertFalse(lean.approvalRequired());
        assertEquals(List.of("AUTOMATION", "COMPETENCE_DEVELOPMENT", "SUSTAINABILITY"), lean.focusAreas());

        assertEquals(15, lean.registrations().size());
        DemoMeetings.Registration first = lean.registrations().get(0);
        assertEquals(
                new DemoMeetings.Person("Anna Berg", "anna.berg@pressverktyg.example.se", "559201-1943", "sv"),
                first.person());
        assertEquals("Vegetarisk", first.dietaryRequirements());
        assertNull(first.message());
        List<DemoMeetings.Registration> waitlist = lean.registrations().subList(12, 15);
        assertEquals(
                List.of("Daniel Nyberg", "Tom Becker", "Oskar Persson"),
                waitlist.stream().map(r -> r.person().name()).toList());
        DemoMeetings.Registration tom = waitlist.get(1);
        assertEquals(
                new DemoMeetings.Person("Tom Becker", "tom.becker@marinteknik.example.se", "559287-8622", "en"),
                tom.person());
        assertNull(tom.dietaryRequirements());
        assertEquals("I would like to join the workshop in English if possible.", tom.message());
    }

    @Test
    void theMembersMeetingIsMembersOnlyWithApprovalAndNoCoOrganiser() {
        DemoMeetingFile.Meeting network = DemoMeetingFile.load().meetings().get(1);

        assertEquals("NETWORKING", network.kind());
        assertEquals("MEMBERS_ONLY", network.audience());
        assertTrue(network.approvalRequired());
        assertTrue(network.coOrganisers().isEmpty());
        assertNull(network.series());
        assertEquals(LocalTime.of(15, 0), network.start());
        assertEquals(LocalTime.of(17, 30), network.end());
        assertEquals(20, network.capacity());
        assertEquals(3, network.registrations().size());
    }

    @Test
    void aMistakeInTheFileIsNamedWhenItIsRead() throws Exception {
        ObjectNode good = (ObjectNode)
                ApiClient.JSON.readTree(DemoMeetingFile.class.getResourceAsStream(DemoMeetingFile.RESOURCE));
        assertEquals(7, DemoMeetingFile.parse(good).meetings().size());

        ObjectNode noVenue = good.deepCopy();
        ((ObjectNode) noVenue.withArray("meetings").get(3)).remove("venue");
        assertMessage(noVenue, "leankonferens-blekinge", "venue");

        ObjectNode unknownPerson = good.deepCopy();
        ((ObjectNode) unknownPerson
                        .withArray("meetings")
                        .get(0)
                        .withArray("registrations")
                        .get(0))
                .put("person", "nobody");
        assertMessage(unknownPerson, "registers nobody");

        ObjectNode textCapacity = good.deepCopy();
        ((ObjectNode) textCapacity.withArray("meetings").get(0)).put("capacity", "40");
        assertMessage(textCapacity, "capacity");

        ObjectNode badDay = good.deepCopy();
        ((ObjectNode) badDay.withArray("meetings").get(0)).put("weekday", "TISDAG");
        assertMessage(badDay, "TISDAG");

        ObjectNode badTime = good.deepCopy();
        ((ObjectNode) badTime.withArray("meetings").get(0)).put("start", "7.30");
        assertMessage(badTime, "7.30");

        ObjectNode textFlag = good.deepCopy();
        ((ObjectNode) textFlag.withArray("meetings").get(0)).put("approvalRequired", "false");
        assertMessage(textFlag, "approvalRequired");

        ObjectNode noMeetings = good.deepCopy();
        noMeetings.set("meetings", ApiClient.JSON.createArrayNode());
        assertMessage(noMeetings, "no meetings");
    }

    private static void assertMessage(JsonNode file, String... parts) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DemoMeetingFile.parse(file));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
