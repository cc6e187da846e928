package se.techtank.events.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.techtank.events.domain.Meeting;
import se.techtank.events.domain.MeetingStatus;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;

/** The meeting list: filters in SQL, served by the (status, starts_at) index. */
@ApplicationScoped
public class MeetingQueries {

    /** API sort fields and their columns. */
    public static final Set<String> SORTABLE = Set.of("start", "modifiedAt");

    private final EntityManager entityManager;

    MeetingQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * One page of the meetings the filter selects, and the first end among all of them when the filter
     * keeps only meetings not yet over ({@link MeetingFilter#endsAfter()}): the moment the list changes by
     * the time alone.
     */
    public Listed list(MeetingFilter filter, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        Query select = entityManager.createNativeQuery(
                "select * from meeting where " + where + " order by " + orderBy(page) + " limit " + page.size()
                        + " offset " + page.offset(),
                Meeting.class);
        bind(select, parameters);
        select.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true); // no snapshots, no dirty check
        @SuppressWarnings("unchecked")
        List<Meeting> items = select.getResultList();
        long total;
        Instant firstEnd;
        if (page.page() == 0 && items.size() < page.size()) {
            total = items.size(); // the whole list is on this page: no need to count
            firstEnd =
                    items.stream().map(Meeting::endsAt).min(Instant::compareTo).orElse(null);
        } else {
            Query count = entityManager.createNativeQuery("select count(*), min(ends_at) from meeting where " + where);
            bind(count, parameters);
            Object[] row = (Object[]) count.getSingleResult();
            total = ((Number) row[0]).longValue();
            firstEnd = row[1] == null ? null : toInstant(row[1]);
        }
        return new Listed(Page.of(items, page, total), filter.endsAfter() == null ? null : firstEnd);
    }

    /**
     * A page of meetings, and when the earliest of all the meetings selected ends ({@code null} when none is
     * selected or the list does not depend on the time).
     */
    public record Listed(Page<Meeting> page, Instant firstEnd) {}

    private static Instant toInstant(Object timestamp) {
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        if (timestamp instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (timestamp instanceof java.sql.Timestamp sql) {
            return sql.toInstant();
        }
        throw new IllegalStateException("Not a timestamp: " + timestamp.getClass());
    }

    private static String where(MeetingFilter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        Set<MeetingStatus> statuses = EnumSet.copyOf(filter.statuses());
        boolean drafts = statuses.remove(MeetingStatus.DRAFT) && filter.draftsOf() != null;
        List<String> statusConditions = new ArrayList<>();
        if (!statuses.isEmpty()) {
            statusConditions.add("status in ("
                    + String.join(
                            ",",
                            statuses.stream().map(s -> "'" + s.name() + "'").toList())
                    + ")");
        }
        if (drafts) {
            if (MeetingFilter.ALL_MUNICIPALITIES.equals(filter.draftsOf())) {
                statusConditions.add("status = 'DRAFT'");
            } else {
                parameters.add(filter.draftsOf());
                statusConditions.add("(status = 'DRAFT' and municipality_code = ?" + parameters.size() + ")");
            }
        }
        conditions.add(statusConditions.isEmpty() ? "false" : "(" + String.join(" or ", statusConditions) + ")");
        if (filter.municipalityCode() != null) {
            parameters.add(filter.municipalityCode());
            conditions.add("municipality_code = ?" + parameters.size());
        }
        if (filter.kind() != null) {
            parameters.add(filter.kind().name());
            conditions.add("kind = ?" + parameters.size());
        }
        if (filter.focusArea() != null) {
            parameters.add(filter.focusArea().name());
            conditions.add("focus_areas @> array[cast(?" + parameters.size() + " as text)]");
        }
        if (filter.series() != null) {
            parameters.add(filter.series());
            conditions.add("series = ?" + parameters.size());
        }
        if (filter.from() != null) {
            parameters.add(filter.from());
            conditions.add("starts_at >= ?" + parameters.size());
        }
        if (filter.to() != null) {
            parameters.add(filter.to());
            conditions.add("starts_at < ?" + parameters.size());
        }
        if (filter.endsAfter() != null) {
            parameters.add(filter.endsAfter());
            conditions.add("ends_at > ?" + parameters.size());
        }
        return String.join(" and ", conditions);
    }

    private static String orderBy(PageRequest page) {
        List<String> orders = new ArrayList<>();
        for (PageRequest.SortOrder order : page.sort()) {
            String column = order.field().equals("modifiedAt") ? "modified_at" : "starts_at";
            orders.add(column + (order.ascending() ? " asc" : " desc"));
        }
        orders.add("id");
        return String.join(", ", orders);
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
