package se.techtank.events.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import se.techtank.kernel.Language;
import se.techtank.platform.problem.DomainException;
import se.techtank.platform.validation.EmailAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules a {@link Registration} enforces by itself, without a database: which status changes it
 * allows from which status, what each change records, and what anonymising removes. Which status a new
 * registration gets (seats, waitlist, approval) is decided by the seats in the database; see
 * {@code api.RegistrationTest}.
 */
class RegistrationRulesTest {

    private static final Instant REGISTERED = Instant.parse("2030-09-02T08:00:00Z");
    private static final Instant LATER = REGISTERED.plus(Duration.ofDays(3));

    @Test
    void a_new_registration_holds_the_attendee_and_their_company_and_a_fresh_code_and_token() {
        Registration registration = registration();
        Registration other = registration();

        assertThat(registration.attendeeName()).contains("Anna Berg");
        assertThat(registration.attendeeEmail()).contains("Anna.Berg@volvo.se");
        assertThat(registration.emailHash()).isEqualTo(Registration.emailHash("anna.berg@VOLVO.se "));
        assertThat(registration.language()).isEqualTo(Language.EN);
        assertThat(registration.organisationNumber()).contains("556036-0793");
        assertThat(registration.companyName()).contains("Volvo Personvagnar AB");
        assertThat(registration.municipalityCode()).contains("1080");
        assertThat(registration.registeredAt()).isEqualTo(REGISTERED);
        assertThat(registration.waitlistPosition()).isEmpty();
        assertThat(registration.checkInCode())
                .hasSize(Registration.CHECK_IN_CODE_LENGTH)
                .matches("[A-HJKMNP-Z2-9]+");
        assertThat(registration.acceptsToken(registration.cancellationToken())).isTrue();
        assertThat(registration.acceptsToken(other.cancellationToken())).isFalse();
        assertThat(registration.acceptsToken(null)).isFalse();
    }

    @Test
    void the_seats_decide_the_first_status_confirmed_waitlisted_with_a_position_or_pending_approval() {
        Registration confirmed = registration();
        confirmed.confirm(LATER);
        assertThat(confirmed.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(confirmed.modifiedAt()).isEqualTo(LATER);

        Registration waitlisted = registration();
        waitlisted.waitlist(3, LATER);
        assertThat(waitlisted.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(waitlisted.waitlistPosition()).contains(3);

        Registration pending = registration();
        pending.pendApproval();
        assertThat(pending.status()).isEqualTo(RegistrationStatus.PENDING_APPROVAL);
    }

    @Test
    void a_waitlisted_registration_is_promoted_into_a_seat_and_leaves_the_waitlist() {
        Registration registration = in(RegistrationStatus.WAITLISTED);

        registration.promote(LATER);

        assertThat(registration.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registration.waitlistPosition()).isEmpty();
        assertThat(registration.modifiedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(value = RegistrationStatus.class, names = "WAITLISTED", mode = EnumSource.Mode.EXCLUDE)
    void only_a_waitlisted_registration_is_promoted(RegistrationStatus status) {
        Registration registration = in(status);

        assertRefused(() -> registration.promote(LATER), "Cannot promote a registration that is " + status);
        assertThat(registration.status()).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistrationStatus.class,
            names = {"PENDING_APPROVAL", "CONFIRMED", "WAITLISTED"})
    void a_registration_before_the_meeting_is_cancelled_and_tells_which_seat_it_held(RegistrationStatus status) {
        Registration registration = in(status);

        assertThat(registration.cancel("Cannot come", LATER)).isEqualTo(status);

        assertThat(registration.status()).isEqualTo(RegistrationStatus.CANCELLED);
        assertThat(registration.waitlistPosition()).isEmpty();
        assertThat(registration.cancelledAt()).contains(LATER);
        assertThat(registration.cancellationReason()).contains("Cannot come");
        assertThat(registration.modifiedAt()).isEqualTo(LATER);
        assertThat(registration.status().isActive()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistrationStatus.class,
            names = {"ATTENDED", "NO_SHOW", "DECLINED"})
    void an_attended_no_show_or_declined_registration_is_not_cancelled(RegistrationStatus status) {
        Registration registration = in(status);

        assertRefused(() -> registration.cancel("Too late", LATER), "Cannot cancel a registration that is " + status);
        assertThat(registration.status()).isEqualTo(status);
        assertThat(registration.cancelledAt()).isEmpty();
    }

    @Test
    void a_registration_pending_approval_is_declined_with_the_reason() {
        Registration registration = in(RegistrationStatus.PENDING_APPROVAL);

        registration.decline("Only for companies in Blekinge", LATER);

        assertThat(registration.status()).isEqualTo(RegistrationStatus.DECLINED);
        assertThat(registration.cancellationReason()).contains("Only for companies in Blekinge");
        assertThat(registration.modifiedAt()).isEqualTo(LATER);
        assertThat(registration.status().isActive()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = RegistrationStatus.class, names = "PENDING_APPROVAL", mode = EnumSource.Mode.EXCLUDE)
    void only_a_registration_pending_approval_is_declined(RegistrationStatus status) {
        Registration registration = in(status);

        assertRefused(() -> registration.decline("No", LATER), "Cannot decline a registration that is " + status);
        assertThat(registration.status()).isEqualTo(status);
    }

    @Test
    void a_confirmed_attendee_is_checked_in_once_and_a_second_check_in_changes_nothing() {
        Registration registration = in(RegistrationStatus.CONFIRMED);

        assertThat(registration.checkIn("staff-1", LATER)).isTrue();
        assertThat(registration.status()).isEqualTo(RegistrationStatus.ATTENDED);
        assertThat(registration.checkedInAt()).contains(LATER);

        assertThat(registration.checkIn("staff-2", LATER.plusSeconds(60))).isFalse();
        assertThat(registration.status()).isEqualTo(RegistrationStatus.ATTENDED);
        assertThat(registration.checkedInAt()).contains(LATER);
        assertThat(registration.modifiedAt()).isEqualTo(LATER);
    }

    @ParameterizedTest
    @EnumSource(
            value = RegistrationStatus.class,
            names = {"PENDING_APPROVAL", "WAITLISTED", "CANCELLED", "DECLINED", "NO_SHOW"})
    void only_a_confirmed_attendee_is_checked_in(RegistrationStatus status) {
        Registration registration = in(status);

        assertRefused(() -> registration.checkIn("staff-1", LATER), "Cannot check in a registration that is " + status);
        assertThat(registration.status()).isEqualTo(status);
        assertThat(registration.checkedInAt()).isEmpty();
    }

    @Test
    void a_confirmed_attendee_who_did_not_come_is_a_no_show() {
        Registration registration = in(RegistrationStatus.CONFIRMED);

        registration.markNoShow(LATER);

        assertThat(registration.status()).isEqualTo(RegistrationStatus.NO_SHOW);
        assertThat(registration.modifiedAt()).isEqualTo(LATER);
        assertThat(registration.status().isActive()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = RegistrationStatus.class, names = "CONFIRMED", mode = EnumSource.Mode.EXCLUDE)
    void only_a_confirmed_attendee_is_a_no_show(RegistrationStatus status) {
        Registration registration = in(status);

        assertRefused(() -> registration.markNoShow(LATER), "Cannot mark as no-show a registration that is " + status);
        assertThat(registration.status()).isEqualTo(status);
    }

    @Test
    void the_registered_states_are_those_that_hold_or_wait_for_a_place_or_took_part() {
        assertThat(RegistrationStatus.ACTIVE)
                .isEqualTo(EnumSet.of(
                        RegistrationStatus.PENDING_APPROVAL,
                        RegistrationStatus.CONFIRMED,
                        RegistrationStatus.WAITLISTED,
                        RegistrationStatus.ATTENDED,
                        RegistrationStatus.NO_SHOW));
    }

    @Test
    void anonymising_removes_the_person_once_and_keeps_the_status_and_the_company() {
        Registration registration = in(RegistrationStatus.ATTENDED);

        assertThat(registration.anonymise(LATER)).isTrue();

        assertThat(registration.isAnonymised()).isTrue();
        assertThat(registration.attendeeName()).isEmpty();
        assertThat(registration.attendeeEmail()).isEmpty();
        assertThat(registration.emailHash()).isNull();
        assertThat(registration.dietaryRequirements()).isEmpty();
        assertThat(registration.message()).isEmpty();
        assertThat(registration.status()).isEqualTo(RegistrationStatus.ATTENDED);
        assertThat(registration.organisationNumber()).contains("556036-0793");
        assertThat(registration.modifiedAt()).isEqualTo(LATER);

        assertThat(registration.anonymise(LATER.plusSeconds(60))).isFalse();
        assertThat(registration.modifiedAt()).isEqualTo(LATER);
    }

    /** A registration brought into {@code status} by the allowed steps only. */
    private static Registration in(RegistrationStatus status) {
        Registration registration = registration();
        switch (status) {
            case PENDING_APPROVAL -> registration.pendApproval();
            case CONFIRMED -> registration.confirm(REGISTERED);
            case WAITLISTED -> registration.waitlist(1, REGISTERED);
            case CANCELLED -> {
                registration.confirm(REGISTERED);
                registration.cancel("Changed plans", REGISTERED);
            }
            case DECLINED -> {
                registration.pendApproval();
                registration.decline("Full", REGISTERED);
            }
            case ATTENDED -> {
                registration.confirm(REGISTERED);
                registration.checkIn("staff-1", REGISTERED);
            }
            case NO_SHOW -> {
                registration.confirm(REGISTERED);
                registration.markNoShow(REGISTERED);
            }
        }
        assertThat(registration.status()).isEqualTo(status);
        return registration;
    }

    private static Registration registration() {
        return Registration.of(
                UUID.randomUUID(),
                new Registration.Attendee(
                        "Anna Berg",
                        EmailAddress.of("Anna.Berg@VOLVO.se"),
                        Language.EN,
                        "Vegetarian",
                        "Looking forward to it",
                        true),
                new Registration.CompanyRef("556036-0793", "Volvo Personvagnar AB", "1080"),
                "staff-1",
                REGISTERED);
    }

    private static void assertRefused(Runnable action, String detail) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.type()).isEqualTo("illegal-registration-transition");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                })
                .hasMessageContaining(detail);
    }
}
