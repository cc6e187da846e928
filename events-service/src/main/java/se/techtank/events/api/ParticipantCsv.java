package se.techtank.events.api;

import java.util.List;

import se.techtank.events.domain.MeetingTime;
import se.techtank.events.domain.Registration;

/**
 * The participant list as CSV for Excel (Swedish locale): UTF-8 with a byte order mark, {@code ;}
 * separated, fields quoted when needed, and a leading {@code '} before a value that a spreadsheet would
 * otherwise run as a formula.
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
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(";") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
