package se.techtank.members.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import se.techtank.members.config.MembersConfig;
import se.techtank.members.domain.Company;
import se.techtank.members.domain.MembershipStatus;
import se.techtank.members.domain.PostalAddress;
import se.techtank.members.domain.SizeClass;
import se.techtank.platform.admission.Admitted;
import se.techtank.platform.caching.RowVersionCache;
import se.techtank.platform.caching.SnapshotCache;
import se.techtank.platform.json.PrerenderedJson;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;

/**
 * The company list: one page of the companies a filter selects, in the requested order, with the total number
 * of matches, read with plain JDBC and answered as JSON. Which companies a caller may list is decided before,
 * by the use case ({@code CompanyService.list}); nothing here knows the caller.
 *
 * <p>The page is read in one statement straight into {@link CompanySummary} (the filters need PostgreSQL's
 * operators, so the SQL is written here). Neither a native query mapped to {@code Company} nor a load of
 * entities: Hibernate 7.2 keys its plan cache for native queries by the SQL alone and then compares result
 * mappings that never match (the largest share of the service's CPU under load), and hydrating the page's
 * entities, snapshotting them for dirty checking and re-validating every stored value on the way out cost more
 * than the query itself (docs/benchmarks.md).
 *
 * <p>What is reused, each exactly (ADR 0010):
 * <ul>
 *   <li>each company's JSON, written once per version of its row ({@code xmin}, new for every change of the
 *       row, through the API or past it) and given back as those bytes while the row is unchanged; the row's
 *       columns are not even decoded then. Writing the page's companies and decoding their rows were most of
 *       the service's CPU under the search benchmark, while a company's row changes rarely and is listed again
 *       and again;
 *   <li>the total, which costs nothing when the page is not full (most filtered searches fit on one page);
 *       else it is taken when the same query was counted in the very snapshot the page was read in.
 * </ul>
 * Only outside a transaction: one that has written sees its own rows in a snapshot that reads the same as
 * another session's, and shows a row it updated twice under one xmin.
 *
 * <p>Searches take turns at the {@code company-search} admission gate, by default as many at once as the
 * replica has cores (ADR 0007): twenty at once only share the cores twenty ways, and the last of them waited
 * longest; in order, each runs at full speed.
 */
@ApplicationScoped
public class CompanyList {

    /** API sort field → column; the id breaks ties so that pages never overlap. */
    private static final Map<String, String> SORT_COLUMNS = Map.of("name", "search_name", "modifiedAt", "modified_at");

    /** What a list shows of each company: the page query reads these and nothing else. */
    private static final String SUMMARY_COLUMNS = "id, organisation_number, name, municipality_code, primary_sni,"
            + " secondary_sni, number_of_employees, size_class, website, address_street, address_postal_code,"
            + " address_city, membership_status, created_at, modified_at";

    private static final int SUMMARY_COLUMN_COUNT = 15;

    /** After the summary's columns, the page query selects its snapshot and each row's version. */
    private static final int SNAPSHOT_COLUMN_INDEX = SUMMARY_COLUMN_COUNT + 1;

    private static final int VERSION_COLUMN_INDEX = SUMMARY_COLUMN_COUNT + 2;

    private final AgroalDataSource dataSource;
    private final SnapshotCache<String, Long> totals;
    private final RowVersionCache<UUID> renderings;
    private final ObjectWriter json;

    CompanyList(AgroalDataSource dataSource, MeterRegistry registry, MembersConfig config, ObjectMapper json) {
        this.dataSource = dataSource;
        this.totals = new SnapshotCache<>("company-totals", config.companyList().rememberedTotals(), registry);
        this.renderings =
                new RowVersionCache<>("company-json", config.companyList().rememberedCompanies(), registry);
        // The ObjectMapper Quarkus REST writes responses with (the platform's JSON conventions), so an item
        // reads byte for byte as the company's own resource answers.
        this.json = json.writer();
    }

    /**
     * The page as JSON items: each company as {@code representation} shows it, written once per version of
     * its row. {@code representation} must be the same for every call (the resource's representation of a
     * company): a rendering is reused for its row version whichever call asks.
     */
    @Admitted("company-search")
    public Page<RawValue> page(CompanyFilter filter, PageRequest page, Function<CompanySummary, ?> representation) {
        return read(filter, page, new CompanyListItems<>() {
            @Override
            public Optional<RawValue> madeBefore(UUID id, String version) {
                return renderings.get(id, version).map(PrerenderedJson::of);
            }

            @Override
            public RawValue make(CompanySummary company, String version) {
                byte[] rendering;
                try {
                    rendering = json.writeValueAsBytes(representation.apply(company));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Company " + company.id() + " could not be written as JSON", e);
                }
                renderings.put(company.id(), version, rendering);
                return PrerenderedJson.of(rendering);
            }
        });
    }

    /** The page's summaries themselves, nothing rendered or remembered. */
    @Admitted("company-search")
    public Page<CompanySummary> summaries(CompanyFilter filter, PageRequest page) {
        return read(filter, page, new CompanyListItems<>() {
            @Override
            public Optional<CompanySummary> madeBefore(UUID id, String version) {
                return Optional.empty();
            }

            @Override
            public CompanySummary make(CompanySummary company, String version) {
                return company;
            }
        });
    }

    private <T> Page<T> read(CompanyFilter filter, PageRequest page, CompanyListItems<T> items) {
        Conditions where = conditions(filter);
        StringJoiner order = new StringJoiner(", ", " order by ", "");
        for (PageRequest.SortOrder sort : page.sort()) {
            order.add(SORT_COLUMNS.get(sort.field()) + (sort.ascending() ? " asc" : " desc"));
        }
        order.add("id asc");
        // The page's ids first, then their rows: the ids alone can come from an index-only walk of the
        // sort's index (company_search_name checks the name filter on its entries), where selecting the
        // columns directly fetched the row of every entry walked past. For q=karlshamn that was thousands
        // of rows for one page of twenty.
        String pageIds = "select id from company" + where.sql() + order + " limit ? offset ?";
        String sql = "select " + SUMMARY_COLUMNS + ", " + SnapshotCache.SNAPSHOT_COLUMN + ", company."
                + RowVersionCache.VERSION_COLUMN + " from company where id in (" + pageIds + ")" + order;
        // On a connection of the datasource: the current transaction's when there is one (Agroal hands out
        // the enlisted connection), else one in auto-commit for just these statements.
        try (Connection connection = dataSource.getConnection()) {
            boolean shareable = connection.getAutoCommit();
            List<T> found = new ArrayList<>(page.size());
            String snapshot = null;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int next = where.bind(statement);
                statement.setInt(next++, page.size());
                statement.setLong(next, page.offset());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        if (snapshot == null) { // one statement, one snapshot
                            snapshot = rows.getString(SNAPSHOT_COLUMN_INDEX);
                        }
                        UUID id = rows.getObject(1, UUID.class);
                        // pgjdbc decodes a column when it is asked for: a row made before is not decoded.
                        String version = shareable ? rows.getString(VERSION_COLUMN_INDEX) : null;
                        Optional<T> known = version == null ? Optional.empty() : items.madeBefore(id, version);
                        found.add(known.isPresent() ? known.get() : items.make(summary(id, rows), version));
                    }
                }
            }
            boolean lastPage = found.size() < page.size() && (!found.isEmpty() || page.page() == 0);
            if (lastPage) {
                return Page.of(found, page, page.offset() + found.size());
            }
            String query = where.key();
            Optional<Long> remembered = shareable ? totals.get(query, snapshot) : Optional.empty();
            if (remembered.isPresent()) {
                return Page.of(found, page, remembered.get());
            }
            return Page.of(found, page, count(connection, where, shareable));
        } catch (SQLException e) {
            throw new PersistenceException("Searching companies failed", e);
        }
    }

    private long count(Connection connection, Conditions where, boolean shareable) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*), " + SnapshotCache.SNAPSHOT_COLUMN + " from company" + where.sql())) {
            where.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                long total = rows.getLong(1);
                if (shareable) {
                    totals.put(where.key(), rows.getString(2), total);
                }
                return total;
            }
        }
    }

    /** The summary of the current row, whose id was read already. */
    private static CompanySummary summary(UUID id, ResultSet rows) throws SQLException {
        java.sql.Array secondary = rows.getArray(6);
        String sizeClass = rows.getString(8);
        String membershipStatus = rows.getString(13);
        return new CompanySummary(
                id,
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                secondary == null ? List.of() : List.of((String[]) secondary.getArray()),
                rows.getObject(7, Integer.class),
                sizeClass == null ? null : SizeClass.valueOf(sizeClass),
                rows.getString(9),
                new PostalAddress(rows.getString(10), rows.getString(11), rows.getString(12)),
                membershipStatus == null ? null : MembershipStatus.valueOf(membershipStatus),
                rows.getObject(14, OffsetDateTime.class),
                rows.getObject(15, OffsetDateTime.class));
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

        /** The conditions with their values: equal keys select the same rows (in the same snapshot). */
        String key() {
            return sql() + '\u0000' + parameters;
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
