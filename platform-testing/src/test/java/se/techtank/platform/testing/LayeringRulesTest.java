package se.techtank.platform.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayeringRulesTest {

    @Test
    void a_domain_type_that_knows_http_breaks_the_rules() {
        String service = "se.techtank.layering.badservice";
        assertThatThrownBy(() -> LayeringRules.check(new ClassFileImporter().importPackages(service), service))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyEntity")
                .hasMessageContaining("HTTP");
    }

    @Test
    void layers_that_depend_inwards_pass() {
        String service = "se.techtank.layering.goodservice";
        assertThatCode(() -> LayeringRules.check(new ClassFileImporter().importPackages(service), service))
                .doesNotThrowAnyException();
    }

    @Test
    void a_package_without_classes_is_an_error_not_a_pass() {
        assertThatThrownBy(() -> LayeringRules.check("se.techtank.nothing.here"))
                .isInstanceOf(AssertionError.class);
    }
}
