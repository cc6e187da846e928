package se.techtank.programmes.query;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.programmes.domain.Application;

/** Lists of applications, newest first by default; which ones the caller may see is in the filter. */
@ApplicationScoped
public class ApplicationList {

    public static final java.util.Set<String> SORTABLE = java.util.Set.of("submittedAt", "modifiedAt");

    private final EntityManager entityManager;

    ApplicationList(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Page<Application> page(ApplicationFilter filter, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        Query select = entityManager.createNativeQuery(
                "select * from application a where " + where + " order by " + orderBy(page) + " limit " + page.size()
                        + " offset " + page.offset(),
                Application.class);
        bind(select, parameters);
        select.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        @SuppressWarnings("unchecked")
        List<Application> items = select.getResultList();
        long total;
        if (page.page() == 0 && items.size() < page.size()) {
            total = items.size();
        } else {
            Query count = entityManager.createNativeQuery("select count(*) from application a where " + where);
            bind(count, parameters);
            total = ((Number) count.getSingleResult()).longValue();
        }
        return Page.of(items, page, total);
    }

    private static String where(ApplicationFilter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (filter.programmeId() != null) {
            parameters.add(filter.programmeId());
            conditions.add("a.programme_id = ?" + parameters.size());
        }
        if (filter.intakeId() != null) {
            parameters.add(filter.intakeId());
            conditions.add("a.intake_id = ?" + parameters.size());
        }
        if (filter.status() != null) {
            parameters.add(filter.status().name());
            conditions.add("a.status = ?" + parameters.size());
        }
        if (filter.organisationNumber() != null) {
            parameters.add(filter.organisationNumber());
            conditions.add("a.organisation_number = ?" + parameters.size());
        }
        if (filter.modifiedSince() != null) {
            parameters.add(filter.modifiedSince());
            conditions.add("a.modified_at >= ?" + parameters.size());
        }
        if (filter.onlyCompany() != null) {
            parameters.add(filter.onlyCompany());
            conditions.add("a.company_id = ?" + parameters.size());
        }
        if (filter.onlyCounties() != null) {
            // County codes are two digits (checked when a partner is saved): written into the SQL as literals.
            String counties = filter.onlyCounties().stream()
                    .filter(county -> county.matches("\\d{2}"))
                    .map(county -> "'" + county + "'")
                    .collect(java.util.stream.Collectors.joining(","));
            parameters.add(filter.submittedByPartner() == null ? "" : filter.submittedByPartner());
            conditions.add(
                    "(" + (counties.isEmpty() ? "false" : "substring(a.municipality_code, 1, 2) in (" + counties + ")")
                            + " or a.submitted_by_partner = ?" + parameters.size() + ")");
        }
        return String.join(" and ", conditions);
    }

    private static String orderBy(PageRequest page) {
        List<String> orders = new ArrayList<>();
        for (PageRequest.SortOrder order : page.sort()) {
            String column = order.field().equals("modifiedAt") ? "a.modified_at" : "a.submitted_at";
            orders.add(column + (order.ascending() ? " asc" : " desc"));
        }
        orders.add("a.id");
        return String.join(", ", orders);
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
