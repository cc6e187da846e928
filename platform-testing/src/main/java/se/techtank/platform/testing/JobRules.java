package se.techtank.platform.testing;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

/**
 * Rules for scheduled jobs. A job that fires while the application stops meets a closed database pool or
 * EntityManager and logs an error that says nothing about the job; Quarkus skips the run when the job says
 * so ({@code skipExecutionIf = Scheduled.ApplicationNotRunning.class}), and the next replica runs it.
 */
public final class JobRules {

    static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";
    static final String APPLICATION_NOT_RUNNING = "io.quarkus.scheduler.Scheduled$ApplicationNotRunning";

    private JobRules() {}

    /** Every {@code @Scheduled} method skips its runs while the application is not running. */
    public static ArchRule scheduledJobsSkipWhileStopping() {
        return methods()
                .that()
                .areAnnotatedWith(SCHEDULED)
                .should(
                        new ArchCondition<JavaMethod>("skip their runs while the application stops"
                                + " (skipExecutionIf = Scheduled.ApplicationNotRunning.class)") {
                            @Override
                            public void check(JavaMethod method, ConditionEvents events) {
                                JavaAnnotation<JavaMethod> scheduled = method.getAnnotationOfType(SCHEDULED);
                                Object skip = scheduled.get("skipExecutionIf").orElse(null);
                                boolean skips = skip instanceof JavaClass predicate
                                        && predicate.getName().equals(APPLICATION_NOT_RUNNING);
                                if (!skips) {
                                    events.add(SimpleConditionEvent.violated(
                                            method,
                                            method.getFullName()
                                                    + " runs while the application stops: add skipExecutionIf"
                                                    + " = Scheduled.ApplicationNotRunning.class"));
                                }
                            }
                        })
                .allowEmptyShould(true);
    }

    /** Checks the production classes under {@code basePackage}. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        scheduledJobsSkipWhileStopping().check(classes);
    }
}
