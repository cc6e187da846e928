package se.techtank.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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
    void a_publisher_that_imports_the_use_cases_makes_a_cycle_and_breaks_the_rules() {
        String service = "se.techtank.layering.cyclicservice";
        assertThatThrownBy(() -> LayeringRules.check(new ClassFileImporter().importPackages(service), service))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("free of cycles")
                .hasMessageContaining("BookingPublisher")
                .hasMessageContaining("a publisher calling a use case back is a cycle");
    }

    @Test
    void messaging_outside_messaging_in_and_messaging_out_breaks_the_rules() {
        String service = "se.techtank.layering.unsplitservice";
        assertThatThrownBy(() -> LayeringRules.check(new ClassFileImporter().importPackages(service), service))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderEvents")
                .hasMessageContaining("split by direction");
    }

    @Test
    void a_list_read_that_asks_a_use_case_breaks_the_rules() {
        String service = "se.techtank.layering.peekingquery";
        assertThatThrownBy(() -> LayeringRules.check(new ClassFileImporter().importPackages(service), service))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("OrderList")
                .hasMessageContaining("the read side reads and renders");
    }

    @Test
    void consumers_feeding_use_cases_that_publish_are_no_cycle() {
        String service = "se.techtank.layering.goodservice";
        JavaClasses classes = new ClassFileImporter().importPackages(service);
        assertThat(classes.contain("se.techtank.layering.goodservice.messaging.in.ThingConsumer"))
                .isTrue();
        assertThatCode(() -> LayeringRules.check(classes, service)).doesNotThrowAnyException();
    }

    @Test
    void messaging_in_and_messaging_out_are_two_slices() {
        JavaClasses classes = new ClassFileImporter().importPackages("se.techtank.layering.goodservice");
        assertThat(LayeringRules.layersOf("se.techtank.layering.goodservice")
                        .getIdentifierOf(classes.get("se.techtank.layering.goodservice.messaging.in.ThingConsumer")))
                .isEqualTo(SliceIdentifier.of("messaging.in"));
        assertThat(LayeringRules.layersOf("se.techtank.layering.goodservice")
                        .getIdentifierOf(classes.get("se.techtank.layering.goodservice.service.Things")))
                .isEqualTo(SliceIdentifier.of("service"));
    }

    @Test
    void a_package_without_classes_is_an_error_not_a_pass() {
        assertThatThrownBy(() -> LayeringRules.check("se.techtank.nothing.here"))
                .isInstanceOf(AssertionError.class);
    }
}
