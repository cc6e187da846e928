package se.techtank.members.events.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import se.techtank.members.events.CompanyEvents;
import se.techtank.members.events.CompanyState;
import se.techtank.platform.events.IncomingEvent;
import se.techtank.platform.events.MalformedEventException;

/**
 * "Apply if newer": projects the events of {@code members.company.v1} into a service's own company table,
 * one row per company. Every event carries the whole state, so a row simply takes the state of the newest
 * event it has seen; "newer" is the event's time ({@code ce_time}, else the payload's {@code modifiedAt}),
 * and an older event, redelivered or replayed, never undoes a newer state. An event of the same time is
 * taken again, which is what lets a rebuild fill a column that was added later (docs/adr/0008).
 *
 * <p>The table has {@code id uuid primary key}, {@code state_as_of timestamptz}, {@code updated_at
 * timestamptz} and the columns given here. Duplicates are the inbox's business, not this class's.
 */
public final class CompanyProjection {

    private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private final String table;
    private final List<CompanyColumn> columns;
    private final String upsert;

    private CompanyProjection(String table, List<CompanyColumn> columns) {
        if (!SQL_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        this.table = table;
        this.columns = List.copyOf(columns);
        this.upsert = upsert(table, this.columns);
    }

    /** Into {@code table}, with the columns of {@link CompanyColumn#IDENTITY} and {@code further} ones. */
    public static CompanyProjection into(String table, List<CompanyColumn> further) {
        Set<CompanyColumn> all = new LinkedHashSet<>(CompanyColumn.IDENTITY);
        all.addAll(further);
        return new CompanyProjection(table, new ArrayList<>(all));
    }

    public String table() {
        return table;
    }

    public List<CompanyColumn> columns() {
        return columns;
    }

    /**
     * The state {@code event} carries and when it was true; empty for a type that carries no company state
     * (a fact added later: acknowledged and ignored).
     *
     * @throws MalformedEventException if the payload lacks what every company state has
     */
    public Optional<Change> changeIn(IncomingEvent event) {
        if (!CompanyEvents.carriesState(event.type())) {
            return Optional.empty();
        }
        CompanyState state = event.dataAs(CompanyState.class);
        if (state.companyId() == null
                || state.organisationNumber() == null
                || state.name() == null
                || state.municipalityCode() == null) {
            throw new MalformedEventException(event + " lacks companyId, organisationNumber, name or municipalityCode");
        }
        OffsetDateTime asOf = event.time() != null ? event.time() : state.modifiedAt();
        return Optional.of(new Change(state, asOf != null ? asOf : OffsetDateTime.now()));
    }

    /**
     * Writes the change unless the row holds a newer state, on {@code connection} (in the caller's
     * transaction).
     *
     * @return whether the row took the state
     */
    public boolean write(Change change, Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            int parameter = 1;
            statement.setObject(parameter++, change.state().companyId());
            statement.setObject(parameter++, change.asOf());
            for (CompanyColumn column : columns) {
                statement.setObject(parameter++, column.valueIn(change.state()));
            }
            return statement.executeUpdate() == 1;
        }
    }

    /** {@link #changeIn} and {@link #write} in one: whether the event changed a row. */
    public boolean apply(IncomingEvent event, Connection connection) throws SQLException {
        Optional<Change> change = changeIn(event);
        return change.isPresent() && write(change.get(), connection);
    }

    private static String upsert(String table, List<CompanyColumn> columns) {
        String names = columns.stream().map(CompanyColumn::sqlName).collect(Collectors.joining(", "));
        String values = columns.stream().map(CompanyColumn::placeholder).collect(Collectors.joining(", "));
        String taken = columns.stream()
                .map(column -> column.sqlName() + " = excluded." + column.sqlName())
                .collect(Collectors.joining(", "));
        // "<=": the same state again (a rebuild's replay) is taken, so that columns added since are filled.
        return "insert into " + table + " as known (id, state_as_of, updated_at, " + names + ")"
                + " values (?, ?, now(), " + values + ")"
                + " on conflict (id) do update set state_as_of = excluded.state_as_of,"
                + " updated_at = excluded.updated_at, " + taken
                + " where known.state_as_of <= excluded.state_as_of";
    }

    /** A company's state as an event carried it, and when that state was true. */
    public record Change(CompanyState state, OffsetDateTime asOf) {}
}
