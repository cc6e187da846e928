package se.techtank.members.service;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Every night: memberships whose year ended without renewal are suspended (reason NOT_RENEWED). Every
 * replica's scheduler fires; the one that takes the job's lock runs it, the others skip it.
 */
@ApplicationScoped
public class MembershipRenewalJob {

    private static final Logger LOG = Logger.getLogger(MembershipRenewalJob.class);

    private final MembershipService memberships;

    MembershipRenewalJob(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Scheduled(
            cron = "${techtank.membership.renewal-check-cron:0 30 0 * * ?}",
            timeZone = "Europe/Stockholm",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void suspendLapsedMemberships() {
        int suspended = memberships.suspendLapsed(LocalDate.now(MembershipService.STOCKHOLM));
        if (suspended < 0) {
            LOG.debug("Membership renewal check skipped: another replica is running it");
        } else if (suspended > 0) {
            LOG.infof("Suspended %d memberships that were not renewed", suspended);
        }
    }
}
