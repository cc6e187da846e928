package se.techtank.members.query;

import java.util.Map;

/**
 * Counts for the owners (the region and the municipalities): no personal data, only numbers of
 * companies.
 *
 * @param byMunicipalityAndStatus municipality code → membership status (or {@code NONE}) → companies
 * @param bySizeClass size class (or {@code UNKNOWN}) → companies
 * @param bySniSection SNI section letter of the primary code (or {@code UNKNOWN}) → companies
 * @param needsByFocusArea focus area → current priority (1–5) → companies
 */
public record MemberStatistics(
        long companies,
        Map<String, Map<String, Long>> byMunicipalityAndStatus,
        Map<String, Long> bySizeClass,
        Map<String, Long> bySniSection,
        Map<String, Map<Integer, Long>> needsByFocusArea) {}
