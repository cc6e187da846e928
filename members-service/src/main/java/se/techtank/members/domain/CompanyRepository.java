package se.techtank.members.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

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

    /** The company with this number, locked for the rest of the transaction (two applications at once). */
    public java.util.Optional<Company> findByOrganisationNumberForUpdate(OrganisationNumber organisationNumber) {
        return find("organisationNumber", organisationNumber.value())
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Active memberships whose last paid year ended before {@code today}. */
    public java.util.List<Company> withLapsedMembership(java.time.LocalDate today) {
        return list("membershipStatus = ?1 and membershipValidUntil < ?2", MembershipStatus.ACTIVE, today);
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

    /**
     * One page of the companies that match, in the requested order. The page's ids come from plain SQL
     * (the filters need PostgreSQL's operators), the companies from one load by id.
     *
     * <p>Not a native query mapped to {@code Company}: Hibernate 7.2 keys its plan cache for native
     * queries by the SQL alone and then compares result mappings that never match, so every execution
     * added an entry and every lookup compared against all of them: half of the service's CPU under load
     * (docs/benchmarks.md).
     */
    public List<Company> search(CompanyFilter filter, PageRequest page) {
        Conditions where = conditions(filter);
        StringJoiner order = new StringJoiner(", ", " order by ", "");
        for (PageRequest.SortOrder sort : page.sort()) {
            order.add(SORT_COLUMNS.get(sort.field()) + (sort.ascending() ? " asc" : " desc"));
        }
        order.add("id asc");
        String sql = "select id from company" + where.sql() + order + " limit ? offset ?";
        List<UUID> ids = jdbc(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int next = where.bind(statement);
                statement.setInt(next++, page.size());
                statement.setLong(next, page.offset());
                List<UUID> found = new ArrayList<>(page.size());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
        if (ids.isEmpty()) {
            return List.of();
        }
        // One statement (id = any(?)) with a plan Hibernate builds once; the companies come back in the ids' order.
        return getEntityManager().unwrap(Session.class).findMultiple(Company.class, ids).stream()
                .filter(Objects::nonNull)
                .toList();
    }

    public long count(CompanyFilter filter) {
        Conditions where = conditions(filter);
        String sql = "select count(*) from company" + where.sql();
        return jdbc(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                where.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }

    /** Runs {@code work} on the connection of the current transaction. */
    private <T> T jdbc(ReturningWork<T> work) {
        return getEntityManager().unwrap(Session.class).doReturningWork(work);
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
                where.add("organisation_number like ?", prefix + "%");
            } else {
                where.add(
                        "search_name like ?",
                        "%" + escapeLike(Company.searchable(filter.text().strip())) + "%");
            }
        }
        if (filter.municipalityCode() != null) {
            where.add("municipality_code = ?", filter.municipalityCode());
        }
        if (filter.sniPrefix() != null) {
            // Every prefix of the primary and secondary codes, GIN-indexed (V7__search_tuning.sql).
            where.add("sni_prefixes @> array[cast(? as text)]", filter.sniPrefix());
        }
        if (filter.sizeClass() != null) {
            where.add("size_class = ?", filter.sizeClass().name());
        }
        if (filter.modifiedSince() != null) {
            where.add("modified_at >= ?", filter.modifiedSince());
        }
        if (filter.membershipStatus() != null) {
            where.add("membership_status = ?", filter.membershipStatus().name());
        }
        if (filter.focusArea() != null) {
            where.add(
                    "exists (select 1 from company_need n where n.company_id = company.id"
                            + " and n.focus_area = ? and n.priority >= 3)",
                    filter.focusArea().name());
        }
        if (filter.onlyCompany() != null) {
            where.add("id = ?", filter.onlyCompany());
        }
        return where;
    }

    /** Escapes LIKE's wildcards (PostgreSQL's default escape character is the backslash). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A where clause under construction, with its parameters in order (one {@code ?} each). */
    private static final class Conditions {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();

        void add(String clause, Object value) {
            clauses.add(clause);
            parameters.add(value);
        }

        String sql() {
            return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }

        /** Binds the parameters from position 1; returns the next free position. */
        int bind(PreparedStatement statement) throws SQLException {
            int position = 1;
            for (Object parameter : parameters) {
                statement.setObject(position++, parameter);
            }
            return position;
        }
    }
}
