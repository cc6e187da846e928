package se.techtank.events.api;

import java.util.List;

import se.techtank.events.domain.MeetingTime;
import se.techtank.events.domain.Registration;
import se.techtank.platform.csv.SpreadsheetCsv;

/**
 * The participant list as CSV for Excel (Swedish locale), written the platform's way ({@link
 * SpreadsheetCsv}).
 */
final class ParticipantCsv {

    static final String HEADER = "Namn;E-post;Språk;Organisationsnummer;Företag;Status;Köplats;Incheckad;Specialkost;"
            + "Meddelande;Med på deltagarlistan;Anmäld";

    private ParticipantCsv() {}

    static String write(List<Registration> registrations) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (Registration r : registrations) {
            csv.append(String.join(
                            ";",
                            field(r.attendeeName().orElse("")),
                            field(r.attendeeEmail().orElse("")),
                            field(r.language().code()),
                            field(r.organisationNumber().orElse("")),
                            field(r.companyName().orElse("")),
                            field(r.status().name()),
                            field(r.waitlistPosition().map(String::valueOf).orElse("")),
                            field(r.checkedInAt()
                                    .map(MeetingTime::local)
                                    .map(Object::toString)
                                    .orElse("")),
                            field(r.dietaryRequirements().orElse("")),
                            field(r.message().orElse("")),
                            field(r.attendeeListConsent() ? "ja" : "nej"),
                            field(MeetingTime.local(r.registeredAt()).toString())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String field(String value) {
        return SpreadsheetCsv.field(value);
    }
}
