package se.techtank.members.events.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import se.techtank.members.events.CompanyState;

/**
 * The columns a company read model may have, each filled from the {@link CompanyState} an event carries.
 * {@link #IDENTITY} are in every read model (see {@link KnownCompany}); a service adds the others its
 * table has, by name, in {@code techtank.company-read-model.columns}.
 */
public enum CompanyColumn {
    ORGANISATION_NUMBER(CompanyState::organisationNumber),
    NAME(CompanyState::name),
    MUNICIPALITY_CODE(CompanyState::municipalityCode),
    IN_BLEKINGE(CompanyState::inBlekinge),
    LEGAL_FORM(CompanyState::legalForm),
    PRIMARY_SNI(CompanyState::primarySni),
    SNI_SECTION(CompanyState::sniSection),
    NUMBER_OF_EMPLOYEES(CompanyState::numberOfEmployees),
    SIZE_CLASS(CompanyState::sizeClass),
    WEBSITE(CompanyState::website),
    MEMBERSHIP_STATUS(
            state -> state.membership() == null ? null : state.membership().status()),
    MEMBERSHIP_SINCE(
            state -> state.membership() == null ? null : state.membership().since()),
    MEMBERSHIP_VALID_UNTIL(
            state -> state.membership() == null ? null : state.membership().validUntil()),
    FEE_TIER(state -> state.membership() == null ? null : state.membership().feeTier()),
    /** The current needs as JSON ({@code [{"focusArea", "priority", "assessedOn"}]}), in a {@code jsonb} column. */
    NEEDS(state -> needsJson(state), "cast(? as jsonb)");

    /** The columns of every company read model. */
    public static final List<CompanyColumn> IDENTITY =
            List.of(ORGANISATION_NUMBER, NAME, MUNICIPALITY_CODE, IN_BLEKINGE);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .findAndRegisterModules()
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Function<CompanyState, Object> value;
    private final String placeholder;

    CompanyColumn(Function<CompanyState, Object> value) {
        this(value, "?");
    }

    CompanyColumn(Function<CompanyState, Object> value, String placeholder) {
        this.value = value;
        this.placeholder = placeholder;
    }

    /** The column's parameter in the upsert, e.g. {@code ?} or {@code cast(? as jsonb)}. */
    String placeholder() {
        return placeholder;
    }

    private static String needsJson(CompanyState state) {
        try {
            return JSON.writeValueAsString(state.needs() == null ? java.util.List.of() : state.needs());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The needs of " + state.companyId() + " cannot be written as JSON", e);
        }
    }

    /** The column's name in SQL, e.g. {@code membership_status}. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value the column takes from {@code state} (null where the state has none). */
    public Object valueIn(CompanyState state) {
        return value.apply(state);
    }

    /** The column called {@code sqlName}; throws if there is none. */
    public static CompanyColumn named(String sqlName) {
        return Arrays.stream(values())
                .filter(column -> column.sqlName().equals(sqlName.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No company read model column '" + sqlName
                        + "'; known: "
                        + Arrays.stream(values()).map(CompanyColumn::sqlName).toList()));
    }
}
