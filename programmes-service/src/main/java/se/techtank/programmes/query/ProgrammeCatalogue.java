package se.techtank.programmes.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

import se.techtank.platform.caching.DatabaseSnapshots;
import se.techtank.platform.caching.SnapshotCache;
import se.techtank.platform.paging.Page;
import se.techtank.platform.paging.PageRequest;
import se.techtank.programmes.config.ProgrammesConfig;
import se.techtank.programmes.domain.Intake;
import se.techtank.programmes.domain.Programme;

/**
 * The programme catalogue: filters in SQL, each programme with its intakes. The public catalogue page asks
 * the same few pages over and over; each is rendered once and given back byte for byte while the database
 * snapshot is the same (ADR 0010). Nothing in a page depends on the time (the window job changes an
 * intake's status in the database), so unlike the meeting lists no moment ends a rendering's life.
 */
@ApplicationScoped
public class ProgrammeCatalogue {

    /** API sort fields and their columns. */
    public static final Set<String> SORTABLE = Set.of("name", "modifiedAt");

    private final EntityManager entityManager;
    private final DatabaseSnapshots snapshots;
    private final ObjectMapper json;
    private final SnapshotCache<PageKey, byte[]> pages;

    ProgrammeCatalogue(
            EntityManager entityManager,
            DatabaseSnapshots snapshots,
            ObjectMapper json,
            MeterRegistry registry,
            ProgrammesConfig config) {
        this.entityManager = entityManager;
        this.snapshots = snapshots;
        this.json = json;
        this.pages = new SnapshotCache<>("programme-pages", config.catalogue().rememberedPages(), registry);
    }

    /** A programme as the catalogue shows it. */
    public record Listed(Programme programme, List<Intake> intakes) {}

    /**
     * One page of the programmes {@code visible} selects, as JSON: the page as {@code representation} shows
     * it. {@code representation} must be the same for every call (the resource's representation of a
     * page): a rendering is reused for equal filters and pages whichever call asks. Outside a transaction
     * only, for the reuse to hold (ADR 0010).
     */
    public byte[] json(ProgrammeFilter visible, PageRequest page, Function<Page<Listed>, ?> representation) {
        return snapshots.read(pages, new PageKey(visible, page), () -> {
            try {
                return json.writeValueAsBytes(representation.apply(page(visible, page)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A catalogue page could not be written as JSON", e);
            }
        });
    }

    /** What a page reads: equal keys read alike in the same snapshot. */
    private record PageKey(ProgrammeFilter filter, PageRequest page) {}

    private Page<Listed> page(ProgrammeFilter filter, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        Query select = entityManager.createNativeQuery(
                "select * from programme p where " + where + " order by " + orderBy(page) + " limit " + page.size()
                        + " offset " + page.offset(),
                Programme.class);
        bind(select, parameters);
        select.setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true);
        @SuppressWarnings("unchecked")
        List<Programme> programmes = select.getResultList();
        long total;
        if (page.page() == 0 && programmes.size() < page.size()) {
            total = programmes.size();
        } else {
            Query count = entityManager.createNativeQuery("select count(*) from programme p where " + where);
            bind(count, parameters);
            total = ((Number) count.getSingleResult()).longValue();
        }
        Map<UUID, List<Intake>> intakes = programmes.isEmpty()
                ? Map.of()
                : entityManager
                        .createQuery("from Intake where programmeId in :ids", Intake.class)
                        .setParameter(
                                "ids", programmes.stream().map(Programme::id).toList())
                        .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                        .getResultStream()
                        .sorted(Comparator.comparing(Intake::applicationOpensAt).thenComparing(Intake::id))
                        .collect(Collectors.groupingBy(Intake::programmeId));
        return Page.of(
                programmes.stream()
                        .map(p -> new Listed(p, intakes.getOrDefault(p.id(), List.of())))
                        .toList(),
                page,
                total);
    }

    private static String where(ProgrammeFilter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("p.status in ("
                + String.join(
                        ",",
                        filter.statuses().stream()
                                .map(s -> "'" + s.name() + "'")
                                .toList())
                + ")");
        if (filter.focusArea() != null) {
            parameters.add(filter.focusArea().name());
            conditions.add("p.focus_areas @> array[cast(?" + parameters.size() + " as text)]");
        }
        if (filter.funder() != null) {
            parameters.add(filter.funder().name());
            conditions.add("p.funders @> array[cast(?" + parameters.size() + " as text)]");
        }
        if (filter.county() != null) {
            parameters.add(filter.county());
            conditions.add("exists (select 1 from intake i where i.programme_id = p.id and i.status <> 'COMPLETED'"
                    + " and i.counties @> array[cast(?" + parameters.size() + " as text)])");
        }
        if (Boolean.TRUE.equals(filter.openIntake())) {
            conditions.add("exists (select 1 from intake i where i.programme_id = p.id and i.status = 'OPEN')");
        }
        if (filter.text() != null) {
            parameters.add("%"
                    + filter.text()
                            .strip()
                            .toLowerCase(java.util.Locale.ROOT)
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%");
            int n = parameters.size();
            conditions.add("(lower(p.code) like ?" + n + " or lower(p.name_sv) like ?" + n
                    + " or lower(coalesce(p.name_en, '')) like ?" + n + ")");
        }
        if (filter.modifiedSince() != null) {
            parameters.add(filter.modifiedSince());
            conditions.add("p.modified_at >= ?" + parameters.size());
        }
        return String.join(" and ", conditions);
    }

    private static String orderBy(PageRequest page) {
        List<String> orders = new ArrayList<>();
        for (PageRequest.SortOrder order : page.sort()) {
            String column = order.field().equals("modifiedAt") ? "p.modified_at" : "p.name_sv";
            orders.add(column + (order.ascending() ? " asc" : " desc"));
        }
        orders.add("p.id");
        return String.join(", ", orders);
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
