package se.techtank.notifications.query;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.techtank.notifications.domain.Delivery;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;

/** The delivery log as lists: newest change first by default, filtered as {@link DeliveryFilter} says. */
@ApplicationScoped
public class DeliveryList {

    public static final Set<String> SORTABLE = Set.of("modifiedAt", "createdAt", "dueAt");

    private final EntityManager entityManager;

    DeliveryList(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Page<Delivery> page(DeliveryFilter filter, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        Query select = entityManager.createNativeQuery(
                "select * from delivery d where " + where + " order by " + orderBy(page) + " limit " + page.size()
                        + " offset " + page.offset(),
                Delivery.class);
        bind(select, parameters);
        select.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        @SuppressWarnings("unchecked")
        List<Delivery> items = select.getResultList();
        long total;
        if (page.page() == 0 && items.size() < page.size()) {
            total = items.size();
        } else {
            Query count = entityManager.createNativeQuery("select count(*) from delivery d where " + where);
            bind(count, parameters);
            total = ((Number) count.getSingleResult()).longValue();
        }
        return Page.of(items, page, total);
    }

    private static String where(DeliveryFilter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        equal(
                conditions,
                parameters,
                "d.channel",
                filter.channel() == null ? null : filter.channel().name());
        equal(
                conditions,
                parameters,
                "d.status",
                filter.status() == null ? null : filter.status().name());
        equal(
                conditions,
                parameters,
                "d.kind",
                filter.kind() == null ? null : filter.kind().name());
        equal(conditions, parameters, "d.contact_id", filter.contactId());
        equal(conditions, parameters, "d.registration_id", filter.registrationId());
        equal(conditions, parameters, "d.application_id", filter.applicationId());
        equal(conditions, parameters, "d.subscription_id", filter.subscriptionId());
        equal(conditions, parameters, "d.source_event_id", filter.sourceEventId());
        if (filter.modifiedSince() != null) {
            parameters.add(filter.modifiedSince().atOffset(ZoneOffset.UTC));
            conditions.add("d.modified_at >= ?" + parameters.size());
        }
        if (filter.onlyPartner() != null) {
            parameters.add(filter.onlyPartner());
            conditions.add("d.subscription_id in (select s.id from webhook_subscription s where s.partner_id = ?"
                    + parameters.size() + ")");
        }
        return String.join(" and ", conditions);
    }

    private static void equal(List<String> conditions, List<Object> parameters, String column, Object value) {
        if (value != null) {
            parameters.add(value);
            conditions.add(column + " = ?" + parameters.size());
        }
    }

    private static String orderBy(PageRequest page) {
        List<String> order = new ArrayList<>();
        for (PageRequest.SortOrder sort : page.sort()) {
            String column = switch (sort.field()) {
                case "createdAt" -> "d.created_at";
                case "dueAt" -> "d.due_at";
                default -> "d.modified_at";
            };
            order.add(column + (sort.ascending() ? " asc" : " desc"));
        }
        order.add("d.id");
        return String.join(", ", order);
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
