package se.techtank.members.events;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import se.techtank.platform.json.JsonConventions;
import se.techtank.platform.testing.Contracts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The records and type names of this library are what {@code contracts/members/} says: a consumer that
 * reads an event into {@link CompanyState} or {@link ContactState} sees every field the contract has, and
 * what members-service writes from them satisfies the schema of every type.
 */
class MembersEventsContractTest {

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-10-01T08:00:00Z");

    private static final CompanyState COMPANY = new CompanyState(
            UUID.fromString("3f2c8e0a-5b7d-4c1e-9a3f-2d6b8c0e1f4a"),
            "556036-0793",
            "LIMITED_COMPANY",
            "Olofströms Pressverktyg AB",
            "1060",
            true,
            "25.620",
            List.of("28.410"),
            "C",
            42,
            "SMALL",
            "https://pressverktyg.se",
            new CompanyState.Membership("ACTIVE", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), "TIER_2"),
            List.of(new CompanyState.Need("AUTOMATION", 5, LocalDate.of(2026, 10, 2))),
            CREATED,
            CREATED.plusDays(1));

    private static final ContactState CONTACT = new ContactState(
            UUID.fromString("7c1e9a3f-2d6b-4c0e-8f4a-3f2c8e0a5b7d"),
            COMPANY.companyId(),
            "Anna Berg",
            "anna.berg@pressverktyg.se",
            "0454-300000",
            "VD",
            "sv",
            Map.of("NEWSLETTER", new ContactState.ConsentState(true, CREATED)),
            false,
            null,
            false,
            CREATED,
            CREATED);

    private final ObjectMapper mapper = servicesMapper();

    @Test
    void every_company_type_has_its_schema_and_every_company_schema_its_type() throws IOException {
        assertThat(CompanyEvents.TYPES)
                .allSatisfy(type -> assertThat(Contracts.root().resolve(Contracts.path(CompanyEvents.schema(type))))
                        .isRegularFile());
        assertThat(typesWithSchemas("company.")).containsExactlyInAnyOrderElementsOf(CompanyEvents.TYPES);
        assertThat(CompanyEvents.schema(CompanyEvents.NEEDS_ASSESSED))
                .isEqualTo("https://api.techtank.se/contracts/members/company.needs-assessed.v1.json");
    }

    @Test
    void every_contact_type_has_its_schema_and_every_contact_schema_its_type() throws IOException {
        assertThat(typesWithSchemas("contact.")).containsExactlyInAnyOrderElementsOf(ContactEvents.TYPES);
    }

    @Test
    void the_records_have_every_field_of_the_contracts() throws IOException {
        JsonNode company = schema("contracts/members/company.v1.json");
        assertThat(components(CompanyState.class)).isEqualTo(names(company.path("properties")));
        assertThat(components(CompanyState.Membership.class))
                .isEqualTo(names(company.at("/properties/membership/properties")));
        assertThat(components(CompanyState.Need.class))
                .isEqualTo(names(company.at("/properties/needs/items/properties")));

        JsonNode contact = schema("contracts/members/contact.v1.json");
        assertThat(components(ContactState.class)).isEqualTo(names(contact.path("properties")));
        assertThat(components(ContactState.ConsentState.class))
                .isEqualTo(names(contact.at("/$defs/consentState/properties")));
    }

    @Test
    void a_company_state_as_the_services_write_it_satisfies_every_company_type() throws IOException {
        String full = mapper.writeValueAsString(COMPANY);
        String bare = mapper.writeValueAsString(new CompanyState(
                COMPANY.companyId(),
                "202100-5489",
                null,
                "Ronneby Plast AB",
                "1081",
                true,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                CREATED,
                CREATED));
        for (String type : CompanyEvents.TYPES) {
            Contracts.assertValid(CompanyEvents.schema(type), full);
            Contracts.assertValid(CompanyEvents.schema(type), bare);
        }
        assertThat(mapper.readValue(full, CompanyState.class)).isEqualTo(COMPANY);
    }

    @Test
    void a_contact_state_as_the_services_write_it_satisfies_the_live_types() throws IOException {
        String json = mapper.writeValueAsString(CONTACT);
        Contracts.assertValid(ContactEvents.schema(ContactEvents.ADDED), json);
        Contracts.assertValid(ContactEvents.schema(ContactEvents.UPDATED), json);
        assertThat(mapper.readValue(json, ContactState.class)).isEqualTo(CONTACT);
    }

    @Test
    void a_consumer_reads_a_payload_with_fields_added_later() throws IOException {
        ObjectMapper consumer = servicesMapper()
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        String withMore = mapper.writeValueAsString(COMPANY).replaceFirst("\\{", "{\"aFieldAddedLater\":{\"x\":1},");
        assertThat(consumer.readValue(withMore, CompanyState.class)).isEqualTo(COMPANY);
    }

    private static ObjectMapper servicesMapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new JsonConventions().customize(mapper);
        return mapper;
    }

    private static Set<String> typesWithSchemas(String aggregatePrefix) throws IOException {
        try (Stream<Path> files = Files.list(Contracts.root().resolve("contracts/members"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(aggregatePrefix)
                            && name.chars().filter(c -> c == '.').count() == 3)
                    .map(name -> "se.techtank.members." + name.substring(0, name.length() - ".v1.json".length()))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private JsonNode schema(String path) throws IOException {
        return mapper.readTree(Contracts.root().resolve(path).toFile());
    }

    private static Set<String> components(Class<? extends Record> type) {
        return new TreeSet<>(Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList());
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
