package se.techtank.platform.testing;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of docs/architecture.md, the same for every service: {@code api → service → domain};
 * {@code messaging.in} feeds consumed events into {@code service}, and {@code service} publishes through
 * {@code messaging.out}, so the arrows between messaging and the use cases point one way; the read side,
 * {@code query} (list reads: their SQL, caches and rendering), is used by {@code api} and {@code service}
 * and uses only {@code domain}; {@code domain} knows nothing of HTTP, JSON, Kafka or the read side; and no
 * layer depends, through others, on itself. Each service runs {@link #check(String)} in a test.
 */
public final class LayeringRules {

    private LayeringRules() {}

    /** The rules for a service whose code lives under {@code basePackage}, e.g. {@code se.techtank.members}. */
    public static List<ArchRule> of(String basePackage) {
        String api = basePackage + ".api..";
        String service = basePackage + ".service..";
        String domain = basePackage + ".domain..";
        String messaging = basePackage + ".messaging..";
        String messagingIn = basePackage + ".messaging.in..";
        String messagingOut = basePackage + ".messaging.out..";
        String config = basePackage + ".config..";
        String query = basePackage + ".query..";
        return List.of(
                slices().assignedFrom(layersOf(basePackage))
                        .should()
                        .beFreeOfCycles()
                        .because("a layer that reaches itself through others cannot be understood, tested or changed"
                                + " on its own"),
                classes()
                        .that()
                        .resideInAPackage(messaging)
                        .should()
                        .resideInAnyPackage(messagingIn, messagingOut)
                        .because("messaging is split by direction: consumers in messaging.in, publishers in"
                                + " messaging.out"),
                noClasses()
                        .that()
                        .resideInAPackage(messagingOut)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(service)
                        .because("the use cases call the publishers; a publisher calling a use case back is a cycle"),
                noClasses()
                        .that()
                        .resideInAPackage(service)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(messagingIn)
                        .because("consumers call the use cases, never the other way round"),
                noClasses()
                        .that()
                        .resideInAPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(api, service, messaging, query)
                        .because("the domain is the centre: nothing in it knows the layers around it"),
                noClasses()
                        .that()
                        .resideInAPackage(query)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(api, service, messaging)
                        .because("the read side reads and renders what it is asked for; who may see what is decided"
                                + " by the use cases, and how it is shown by the resources"),
                noClasses()
                        .that()
                        .resideInAPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                "jakarta.ws.rs..",
                                "com.fasterxml.jackson..",
                                "org.apache.kafka..",
                                "org.eclipse.microprofile.reactive.messaging..",
                                "io.smallrye.reactive.messaging..")
                        .because("the domain knows nothing of HTTP, JSON or Kafka"),
                noClasses()
                        .that()
                        .resideInAPackage(service)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(api)
                        .because("use cases do not know how they are called"),
                noClasses()
                        .that()
                        .resideInAPackage(messaging)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(api)
                        .because("events are not shaped by the REST API"),
                noClasses()
                        .that()
                        .resideInAPackage(api)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(messaging)
                        .because("resources do HTTP only; events are recorded by the use cases"),
                noClasses()
                        .that()
                        .resideInAnyPackage(domain, service, messaging, config, query)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("jakarta.ws.rs..")
                        .because("only the api layer speaks HTTP"),
                noClasses()
                        .that()
                        .resideInAnyPackage(api, domain, service, config, query)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                "org.apache.kafka..",
                                "org.eclipse.microprofile.reactive.messaging..",
                                "io.smallrye.reactive.messaging..")
                        .because("only the messaging layers speak Kafka"),
                noClasses()
                        .that()
                        .resideInAPackage(api)
                        .should()
                        .dependOnClassesThat()
                        .haveSimpleNameEndingWith("Repository")
                        .because("resources go through the use cases, never straight to the database"));
    }

    /**
     * The slices the cycle rule compares: each top-level package of the service is one ({@code api},
     * {@code service}, {@code domain}, {@code config}, …), except that {@code messaging.in} and {@code
     * messaging.out} are two, since their directions differ: {@code messaging.in → service →
     * messaging.out} is the intended flow, not a cycle.
     */
    static SliceAssignment layersOf(String basePackage) {
        String prefix = basePackage + ".";
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (!name.startsWith(prefix)) {
                    return SliceIdentifier.ignore();
                }
                String[] parts = name.substring(prefix.length()).split("\\.");
                if (parts[0].equals("messaging") && parts.length > 1) {
                    return SliceIdentifier.of("messaging." + parts[1]);
                }
                return SliceIdentifier.of(parts[0]);
            }

            @Override
            public String getDescription() {
                return "the layers of " + basePackage + " (messaging.in and messaging.out apart)";
            }
        };
    }

    /** Checks every rule against the service's production classes; fails listing every violation. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        check(classes, basePackage);
    }

    /** Checks every rule against the given classes of the service under {@code basePackage}. */
    public static void check(JavaClasses classes, String basePackage) {
        if (classes.isEmpty()) {
            throw new AssertionError("No classes found under " + basePackage);
        }
        StringBuilder failures = new StringBuilder();
        for (ArchRule rule : of(basePackage)) {
            // A young service may not have every layer yet; the import itself must not be empty (above).
            EvaluationResult result = rule.allowEmptyShould(true).evaluate(classes);
            if (result.hasViolation()) {
                failures.append(result.getFailureReport()).append('\n');
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.toString());
        }
    }
}
