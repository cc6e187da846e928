package se.techtank.local;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoMeetingsTest {

    /** The five Blekinge municipalities. */
    private static final Map<String, String> MUNICIPALITIES = Map.of(
            "1060", "Olofström", "1080", "Karlskrona", "1081", "Ronneby", "1082", "Karlshamn", "1083", "Sölvesborg");

    /** Days of the year that schedule across the holidays and a year's end, and a plain one. */
    private static final List<LocalDate> TODAYS = List.of(
            LocalDate.of(2026, 9, 1),
            LocalDate.of(2026, 11, 28),
            LocalDate.of(2026, 12, 24),
            LocalDate.of(2027, 6, 20),
            LocalDate.of(2028, 2, 28));

    @Test
    void theAutumnSeriesHasOneBranschtraffPerMunicipalityWithItsBusinessOffice() {
        for (LocalDate today : TODAYS) {
            List<DemoMeetings.Plan> series = DemoMeetings.plans(today).stream()
                    .filter(p -> p.kind().equals("INDUSTRY_MEETING"))
                    .toList();
            assertEquals(
                    Set.of("1060", "1080", "1081", "1082", "1083"),
                    series.stream().map(DemoMeetings.Plan::municipalityCode).collect(Collectors.toSet()));
            assertEquals(5, series.size());
            for (DemoMeetings.Plan plan : series) {
                assertTrue(plan.series().startsWith("Branschträffar hösten 20"), plan.series());
                assertEquals(
                        "Näringslivskontoret " + MUNICIPALITIES.get(plan.municipalityCode()),
                        plan.coOrganisers().get(0).get("name"));
                assertEquals(7, plan.start().getHour());
                assertEquals(30, plan.start().getMinute());
                assertEquals(plan.start().plusHours(2), plan.end());
            }
            assertEquals(
                    1, series.stream().map(DemoMeetings.Plan::series).distinct().count());
        }
    }

    @Test
    void leankonferensIsASmallConferenceInKarlskronaFilledBeyondCapacity() {
        DemoMeetings.Plan lean = DemoMeetings.plans(LocalDate.of(2026, 11, 28)).stream()
                .filter(p -> p.key().equals(DemoMeetings.LEANKONFERENS))
                .findFirst()
                .orElseThrow();
        assertEquals("CONFERENCE", lean.kind());
        assertEquals("Leankonferens Blekinge", lean.titleSv());
        assertEquals("1080", lean.municipalityCode());
        assertFalse(lean.approvalRequired());
        assertTrue(lean.registrations().size() > lean.capacity(), "no waitlist");
        // Not refused by the company limit before the waitlist is reached.
        Map<String, Long> perCompany = lean.registrations().stream()
                .collect(Collectors.groupingBy(r -> r.person().organisationNumber(), Collectors.counting()));
        perCompany.values().forEach(count -> assertTrue(count <= lean.maxPerCompany()));
    }

    @Test
    void everyMeetingIsUpcomingOnAWorkingDayWithRegistrationOpenNow() {
        for (LocalDate today : TODAYS) {
            Set<LocalDate> days = new HashSet<>();
            for (DemoMeetings.Plan plan : DemoMeetings.plans(today)) {
                LocalDate day = plan.start().toLocalDate();
                assertTrue(day.isAfter(today.plusDays(6)), plan.key() + " on " + day);
                assertTrue(day.isBefore(today.plusDays(70)), plan.key() + " on " + day);
                assertFalse(DemoMeetings.holiday(day), plan.key() + " on " + day);
                assertTrue(
                        day.getDayOfWeek() == DayOfWeek.TUESDAY || day.getDayOfWeek() == DayOfWeek.THURSDAY,
                        plan.key() + " on " + day.getDayOfWeek());
                assertTrue(days.add(day), "two meetings on " + day);
                assertTrue(plan.end().isAfter(plan.start()));
                assertTrue(plan.registrationOpens().isBefore(today.atStartOfDay()));
                assertTrue(plan.registrationCloses().isAfter(today.plusDays(1).atStartOfDay()));
                assertFalse(plan.registrationCloses().isAfter(plan.start()));
            }
        }
    }

    @Test
    void registrationsAreByDemoCompaniesOncePerMeeting() {
        Set<String> companies = DemoData.COMPANIES.stream()
                .map(DemoData.Company::organisationNumber)
                .collect(Collectors.toSet());
        List<DemoMeetings.Plan> plans = DemoMeetings.plans(LocalDate.of(2026, 11, 28));
        assertEquals(
                plans.size(),
                plans.stream().map(DemoMeetings.Plan::key).distinct().count());
        for (DemoMeetings.Plan plan : plans) {
            assertFalse(plan.registrations().isEmpty(), plan.key());
            Set<String> emails = new HashSet<>();
            for (DemoMeetings.Registration registration : plan.registrations()) {
                DemoMeetings.Person person = registration.person();
                assertTrue(companies.contains(person.organisationNumber()), person.name());
                assertTrue(person.email().matches("[a-z.]+@[a-z]+\\.example\\.se"), person.email());
                assertTrue(emails.add(person.email()), "twice in " + plan.key() + ": " + person.email());
                if (plan.membersOnly()) {
                    assertFalse(
                            person.organisationNumber().equals(DemoData.WAITING_APPLICATION),
                            "not a member yet: " + person.name());
                }
            }
        }
    }

    @Test
    void workingDaySkipsChristmasAndJuly() {
        assertEquals(LocalDate.of(2027, 1, 12), DemoMeetings.workingDay(LocalDate.of(2026, 12, 19), DayOfWeek.TUESDAY));
        assertEquals(
                LocalDate.of(2026, 12, 15), DemoMeetings.workingDay(LocalDate.of(2026, 12, 15), DayOfWeek.TUESDAY));
        assertEquals(
                Month.AUGUST,
                DemoMeetings.workingDay(LocalDate.of(2027, 6, 30), DayOfWeek.THURSDAY)
                        .getMonth());
    }
}
