package se.techtank.programmes.domain;

/**
 * What eligibility is judged on: the register's facts (the company read model) when the company is known,
 * else what the applicant declared. Any fact may be unknown (null).
 */
public record CompanyFacts(
        String organisationNumber,
        String name,
        String municipalityCode,
        Integer numberOfEmployees,
        String sizeClass,
        String sniCode,
        String membershipStatus,
        FactsSource source) {}
