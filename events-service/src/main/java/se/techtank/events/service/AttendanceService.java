package se.techtank.events.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.events.query.AttendanceQueries;
import se.techtank.events.query.AttendanceReport;

/** The attendance report, for a meeting's organisers. */
@ApplicationScoped
public class AttendanceService {

    private final AttendanceQueries queries;
    private final MeetingAccess access;

    AttendanceService(AttendanceQueries queries, MeetingAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @Transactional
    public AttendanceReport report(UUID meetingId) {
        access.managed(meetingId);
        return queries.report(meetingId);
    }
}
