package se.techtank.platform.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.quarkus.scheduler.Scheduled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobRulesTest {

    static class Jobs {
        @Scheduled(every = "1h", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
        void polite() {}

        @Scheduled(every = "1h")
        void runsWhileStopping() {}

        @Scheduled(every = "1h", skipExecutionIf = Scheduled.Never.class)
        void explicitlyNever() {}
    }

    @Test
    void a_job_without_the_skip_predicate_is_a_violation_by_name() {
        JavaClasses classes = new ClassFileImporter().importClasses(Jobs.class);

        var result = JobRules.scheduledJobsSkipWhileStopping().evaluate(classes);

        assertThat(result.getFailureReport().getDetails())
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("runsWhileStopping"))
                .anySatisfy(line -> assertThat(line).contains("explicitlyNever"))
                .noneSatisfy(line -> assertThat(line).contains("polite"));
    }
}
