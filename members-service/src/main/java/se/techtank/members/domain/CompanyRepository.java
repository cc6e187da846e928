package se.techtank.members.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import se.techtank.platform.paging.PageRequest;

/** Companies by id, by organisation number, and searched by the list filters. */
@ApplicationScoped
public class CompanyRepository implements PanacheRepositoryBase<Company, UUID> {

    /** API sort field → column; the id breaks ties so that pages never overlap. */
    private static final java.util.Map<String, String> SORT_COLUMNS =
            java.util.Map.of("name", "search_name", "modifiedAt", "modified_at");

    public boolean existsByOrganisationNumber(OrganisationNumber organisationNumber) {
        return count("organisationNumber", organisationNumber.value()) > 0;
    }

    /** The companies registered under any of {@code organisationNumbers}, in one query. */
    public List<Company> findByOrganisationNumbers(Collection<OrganisationNumber> organisationNumbers) {
        if (organisationNumbers.isEmpty()) {
            return List.of();
        }
        return list(
                "organisationNumber in ?1",
                organisationNumbers.stream().map(OrganisationNumber::value).toList());
    }

    /** One page of the companies that match, in the requested order. */
    @SuppressWarnings("unchecked")
    public List<Company> search(CompanyFilter filter, PageRequest page) {
        Conditions where = conditions(filter);
        StringJoiner order = new StringJoiner(", ", " order by ", "");
        for (PageRequest.SortOrder sort : page.sort()) {
            order.add(SORT_COLUMNS.get(sort.field()) + (sort.ascending() ? " asc" : " desc"));
        }
        order.add("id asc");
        Query query = getEntityManager()
                .createNativeQuery(
                        "select * from company" + where.sql() + order + " limit :limit offset :offset", Company.class)
                .setParameter("limit", page.size())
                .setParameter("offset", page.offset());
        where.bind(query);
        return query.getResultList();
    }

    public long count(CompanyFilter filter) {
        Conditions where = conditions(filter);
        Query query = getEntityManager().createNativeQuery("select count(*) from company" + where.sql(), Long.class);
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static Conditions conditions(CompanyFilter filter) {
        Conditions where = new Conditions();
        if (filter.text() != null) {
            String digits = filter.text().replaceAll("[\\s-]", "");
            if (digits.matches("(16)?\\d{2,12}")) {
                String normalised = digits.length() == 12 ? digits.substring(2) : digits;
                String prefix = normalised.length() > 6
                        ? normalised.substring(0, 6) + "-" + normalised.substring(6)
                        : normalised;
                where.add("organisation_number like :orgPrefix", "orgPrefix", prefix + "%");
            } else {
                where.add(
                        "search_name like :text",
                        "text",
                        "%" + escapeLike(Company.searchable(filter.text().strip())) + "%");
            }
        }
        if (filter.municipalityCode() != null) {
            where.add("municipality_code = :municipality", "municipality", filter.municipalityCode());
        }
        if (filter.sniPrefix() != null) {
            where.add(
                    "(primary_sni like :sni or exists (select 1 from unnest(secondary_sni) s where s like :sni))",
                    "sni",
                    escapeLike(filter.sniPrefix()) + "%");
        }
        if (filter.sizeClass() != null) {
            where.add("size_class = :sizeClass", "sizeClass", filter.sizeClass().name());
        }
        if (filter.modifiedSince() != null) {
            where.add("modified_at >= :modifiedSince", "modifiedSince", filter.modifiedSince());
        }
        if (filter.onlyCompany() != null) {
            where.add("id = :onlyCompany", "onlyCompany", filter.onlyCompany());
        }
        return where;
    }

    /** Escapes LIKE's wildcards (PostgreSQL's default escape character is the backslash). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A where clause under construction, with its named parameters. */
    private static final class Conditions {
        private final List<String> clauses = new ArrayList<>();
        private final java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();

        void add(String clause, String parameter, Object value) {
            clauses.add(clause);
            parameters.put(parameter, value);
        }

        String sql() {
            return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }

        void bind(Query query) {
            parameters.forEach(query::setParameter);
        }
    }
}
