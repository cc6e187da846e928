package se.techtank.local;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoDataTest {

    @Test
    void organisationNumbersAreValidAndUnique() {
        Set<String> seen = new HashSet<>();
        for (DemoData.Company company : DemoData.COMPANIES) {
            assertTrue(
                    DemoData.validOrganisationNumber(company.organisationNumber()),
                    "invalid: " + company.organisationNumber());
            assertTrue(seen.add(company.organisationNumber()), "duplicate: " + company.organisationNumber());
        }
    }

    @Test
    void validationFollowsTheRules() {
        assertTrue(DemoData.validOrganisationNumber("556036-0793"));
        assertTrue(DemoData.validOrganisationNumber("202100-5489"));
        assertFalse(DemoData.validOrganisationNumber("556036-0794"), "wrong check digit");
        assertFalse(DemoData.validOrganisationNumber("551036-0794"), "digits 3-4 below 20");
        assertFalse(DemoData.validOrganisationNumber("5560360793"), "no hyphen");
    }

    @Test
    void everyBlekingeMunicipalityHasCompaniesAndTheMemberCompanyIsOne() {
        Set<String> municipalities = new HashSet<>();
        DemoData.COMPANIES.forEach(c -> municipalities.add(c.municipalityCode()));
        assertEquals(Set.copyOf(List.of("1060", "1080", "1081", "1082", "1083")), municipalities);
        assertTrue(DemoData.COMPANIES.stream()
                .anyMatch(c -> c.organisationNumber().equals(DemoData.MEMBER_COMPANY)
                        && c.municipalityCode().equals(Tokens.MUNICIPALITY_CODE)));
    }
}
