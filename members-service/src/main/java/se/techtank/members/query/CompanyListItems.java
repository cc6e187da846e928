package se.techtank.members.query;

import java.util.Optional;
import java.util.UUID;

/**
 * How a list of companies turns the rows it read into its items ({@link CompanyList}). Each row
 * comes with its version, PostgreSQL's {@code xmin} (a new one for every change of the row, whoever makes
 * it), so that an item made earlier from the very same row version can be given back without decoding the
 * row's columns again (ADR 0010).
 *
 * @param <T> the items of the page
 */
interface CompanyListItems<T> {

    /**
     * The item made earlier from exactly this version of the company's row, if there is one; otherwise the
     * row is decoded and {@link #make} is called. Asked only for rows read outside a transaction.
     */
    Optional<T> madeBefore(UUID id, String version);

    /**
     * The item of a row decoded now. {@code version} is null for a row read inside a transaction: there a
     * row the transaction updated twice shows two contents under one xmin, so the item must not be
     * remembered for it.
     */
    T make(CompanySummary company, String version);
}
