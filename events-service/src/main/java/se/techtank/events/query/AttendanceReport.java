package se.techtank.events.query;

import java.util.List;

/**
 * Who came to a meeting. "Registered" counts those who held a seat (confirmed, attended or no-show);
 * the waitlisted, pending, cancelled and declined are counted apart.
 */
public record AttendanceReport(
        Totals totals, List<CompanyAttendance> byCompany, List<MunicipalityAttendance> byMunicipality) {

    public record Totals(
            long registered,
            long attended,
            long noShow,
            long confirmedNotCheckedIn,
            long waitlisted,
            long pendingApproval,
            long cancelled,
            long declined) {}

    /** One company's people; organisation number {@code null} for private persons. */
    public record CompanyAttendance(
            String organisationNumber, String companyName, long registered, long attended, long noShow) {}

    /** By the municipality of the attendees' companies; {@code null} when unknown. */
    public record MunicipalityAttendance(String municipalityCode, long registered, long attended, long noShow) {}
}
