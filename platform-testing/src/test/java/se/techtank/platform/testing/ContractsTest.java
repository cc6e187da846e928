package se.techtank.platform.testing;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {

    private static Path schema() throws URISyntaxException {
        return Path.of(ContractsTest.class
                .getResource("/schemas/orders/company.registered.v1.json")
                .toURI());
    }

    @Test
    void the_repository_root_is_the_parent_project() {
        Path root = Contracts.root();

        assertThat(root.resolve("pom.xml")).exists();
        assertThat(root.resolve("platform-testing")).isDirectory();
    }

    @Test
    void a_document_that_follows_the_schema_and_its_references_is_valid() throws Exception {
        Contracts.assertValid(schema(), """
                {"id": "2f1c7a52-8a2b-4f4e-9d8e-2c1b0f3a4d5e", "name": "Acme AB",
                 "address": {"city": "Karlskrona", "municipalityCode": "1080"}}
                """);
    }

    @Test
    void every_violation_is_listed_with_its_field() {
        assertThatThrownBy(() -> Contracts.assertValid(schema(), """
                        {"id": "not-a-uuid",
                         "address": {"city": "Karlskrona", "municipalityCode": "KRN", "extra": 1}}
                        """))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("4 violation(s)")
                .hasMessageContaining("name") // required, missing
                .hasMessageContaining("/id") // format uuid
                .hasMessageContaining("/address/municipalityCode") // pattern, from ../common
                .hasMessageContaining("extra"); // additionalProperties, from ./address
    }

    @Test
    void json_that_does_not_parse_is_a_failure() {
        assertThatThrownBy(() -> Contracts.assertValid(schema(), "{\"id\": "))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Not valid JSON");
    }

    @Test
    void a_missing_schema_is_a_failure() {
        assertThatThrownBy(() -> Contracts.assertValid("contracts/nothing/here.v1.json", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No schema at");
    }

    @Test
    void the_root_is_found_from_a_module_folder() {
        Path root = Contracts.root();
        Path module = root.resolve("platform-testing");

        assertThat(Files.isDirectory(module)).isTrue();
        assertThat(Contracts.findRoot(module.resolve("src/main/java"))).isEqualTo(root);
    }
}
