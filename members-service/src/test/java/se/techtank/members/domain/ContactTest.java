package se.techtank.members.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.techtank.kernel.Language;
import se.techtank.platform.validation.EmailAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.techtank.members.domain.Consent.MEETING_INVITATIONS;
import static se.techtank.members.domain.Consent.NEWSLETTER;
import static se.techtank.members.domain.Consent.PROGRAMME_NEWS;

class ContactTest {

    private static final OffsetDateTime ADDED = OffsetDateTime.of(2026, 10, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime LATER = ADDED.plusDays(3);
    private static final OffsetDateTime EVEN_LATER = ADDED.plusDays(9);

    private static ContactDetails details(String name, Consent... consents) {
        return new ContactDetails(
                name, EmailAddress.of("anna.berg@pressverktyg.se"), "0454-30 00 00", "VD", null, Set.of(consents));
    }

    @Test
    void a_new_contact_records_every_consent_as_given_or_not_when_it_was_added() {
        Contact contact = Contact.add(UUID.randomUUID(), details("Anna Berg", NEWSLETTER), ADDED);

        assertThat(contact.consents()).containsOnlyKeys(MEETING_INVITATIONS, PROGRAMME_NEWS, NEWSLETTER);
        assertThat(contact.consents().get(NEWSLETTER)).isEqualTo(new ConsentStatus(true, ADDED));
        assertThat(contact.consents().get(MEETING_INVITATIONS)).isEqualTo(new ConsentStatus(false, ADDED));
        assertThat(contact.givenConsents()).containsExactly(NEWSLETTER);
        assertThat(contact.consentHistory()).hasSize(3);
        assertThat(contact.language()).isEqualTo(Language.SV);
    }

    @Test
    void an_update_stamps_only_the_consents_whose_value_changed() {
        Contact contact = Contact.add(UUID.randomUUID(), details("Anna Berg", NEWSLETTER, PROGRAMME_NEWS), ADDED);

        assertThat(contact.update(details("Anna Berg", NEWSLETTER, MEETING_INVITATIONS), LATER))
                .isTrue();

        assertThat(contact.consents().get(NEWSLETTER)).isEqualTo(new ConsentStatus(true, ADDED));
        assertThat(contact.consents().get(PROGRAMME_NEWS)).isEqualTo(new ConsentStatus(false, LATER));
        assertThat(contact.consents().get(MEETING_INVITATIONS)).isEqualTo(new ConsentStatus(true, LATER));
        assertThat(contact.consentHistory())
                .endsWith(
                        new ConsentChange(MEETING_INVITATIONS, true, LATER),
                        new ConsentChange(PROGRAMME_NEWS, false, LATER));
        assertThat(contact.modifiedAt()).isEqualTo(LATER);
    }

    @Test
    void an_identical_update_changes_nothing() {
        Contact contact = Contact.add(UUID.randomUUID(), details("Anna Berg", NEWSLETTER), ADDED);

        assertThat(contact.update(details(" Anna Berg ", NEWSLETTER), LATER)).isFalse();

        assertThat(contact.modifiedAt()).isEqualTo(ADDED);
        assertThat(contact.consentHistory()).hasSize(3);
    }

    @Test
    void erasing_drops_the_personal_data_withdraws_every_consent_and_keeps_the_rest() {
        Contact contact = Contact.add(UUID.randomUUID(), details("Anna Berg", NEWSLETTER), ADDED);

        assertThat(contact.erase(LATER)).isTrue();

        assertThat(contact.isErased()).isTrue();
        assertThat(contact.erasedAt()).contains(LATER);
        assertThat(contact.name()).isEmpty();
        assertThat(contact.email()).isEmpty();
        assertThat(contact.phone()).isEmpty();
        assertThat(contact.role()).contains("VD");
        assertThat(contact.givenConsents()).isEmpty();
        assertThat(contact.consents().get(NEWSLETTER)).isEqualTo(new ConsentStatus(false, LATER));
    }

    @Test
    void erasing_again_changes_nothing_and_an_erased_contact_never_changes() {
        Contact contact = Contact.add(UUID.randomUUID(), details("Anna Berg"), ADDED);
        contact.erase(LATER);

        assertThat(contact.erase(EVEN_LATER)).isFalse();
        assertThat(contact.erasedAt()).contains(LATER);
        assertThatThrownBy(() -> contact.update(details("Anna Berg"), EVEN_LATER))
                .isInstanceOf(ContactErasedException.class);
        assertThatThrownBy(() -> contact.remove(EVEN_LATER)).isInstanceOf(ContactErasedException.class);
    }

    @Test
    void removing_withdraws_every_consent() {
        Contact contact = Contact.add(UUID.randomUUID(), details("Anna Berg", NEWSLETTER, PROGRAMME_NEWS), ADDED);

        contact.remove(LATER);

        assertThat(contact.givenConsents()).isEmpty();
        assertThat(contact.modifiedAt()).isEqualTo(LATER);
    }

    @Test
    void details_are_normalised() {
        ContactDetails details =
                new ContactDetails("  Anna Berg ", EmailAddress.of("anna@pressverktyg.se"), "  ", " ", null, null);

        assertThat(details.name()).isEqualTo("Anna Berg");
        assertThat(details.phone()).isNull();
        assertThat(details.role()).isNull();
        assertThat(details.language()).isEqualTo(Language.SV);
        assertThat(details.consents()).isEmpty();
        assertThatThrownBy(
                        () -> new ContactDetails(" ", EmailAddress.of("anna@pressverktyg.se"), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
