package se.techtank.programmes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.KafkaTestConsumer;
import se.techtank.platform.testing.KafkaTestConsumer.ReceivedEvent;
import se.techtank.platform.testing.TestIdempotencyKeys;
import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.platform.testing.WatchesTopics;
import se.techtank.programmes.ProgrammesApi.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static se.techtank.programmes.ProgrammesApi.APPLICATION_TOPIC;
import static se.techtank.programmes.ProgrammesApi.APPLICATION_TYPE;
import static se.techtank.programmes.ProgrammesApi.KARLSKRONA;
import static se.techtank.programmes.ProgrammesApi.MALMO;
import static se.techtank.programmes.ProgrammesApi.PROBLEMS;
import static se.techtank.programmes.ProgrammesApi.application;
import static se.techtank.programmes.ProgrammesApi.apply;
import static se.techtank.programmes.ProgrammesApi.applyWithKey;
import static se.techtank.programmes.ProgrammesApi.assertContract;
import static se.techtank.programmes.ProgrammesApi.checkEligibility;
import static se.techtank.programmes.ProgrammesApi.decide;
import static se.techtank.programmes.ProgrammesApi.declaredApplication;
import static se.techtank.programmes.ProgrammesApi.futureIntake;
import static se.techtank.programmes.ProgrammesApi.history;
import static se.techtank.programmes.ProgrammesApi.listApplications;
import static se.techtank.programmes.ProgrammesApi.memberCompany;
import static se.techtank.programmes.ProgrammesApi.newCompany;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntake;
import static se.techtank.programmes.ProgrammesApi.planIntake;
import static se.techtank.programmes.ProgrammesApi.readApplication;
import static se.techtank.programmes.ProgrammesApi.register;
import static se.techtank.programmes.ProgrammesApi.submitted;
import static se.techtank.programmes.ProgrammesApi.withOverride;

/** Applying to intakes: who may apply for which company, eligibility, visibility, duplicates, retries, events. */
@QuarkusTest
class ApplicationTest extends WatchesTopics {

    /** Robotlyftet's rules: an active member manufacturer with at most 249 employees, micro to medium. */
    private static final Map<String, Object> SME_MANUFACTURERS = Map.of(
            "maxEmployees",
            249,
            "sizeClasses",
            List.of("MICRO", "SMALL", "MEDIUM"),
            "sniSections",
            List.of("C"),
            "activeMembership",
            true);

    @Inject
    AgroalDataSource database;

    private final KafkaTestConsumer applications = watch(APPLICATION_TOPIC);

    @Test
    void a_member_applies_for_its_own_company_on_the_registers_facts_and_application_submitted_is_published() {
        TestCompany company = memberCompany(database);
        String intakeId = openIntake(SME_MANUFACTURERS, 10);

        var answer = apply(company.memberToken(), intakeId, application(company.organisationNumber()))
                .statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("intakeId", equalTo(intakeId))
                .body("company.companyId", equalTo(company.id().toString()))
                .body("company.organisationNumber", equalTo(company.organisationNumber()))
                .body("company.name", equalTo(company.name()))
                .body("company.numberOfEmployees", equalTo(25))
                .body("company.factsSource", equalTo("REGISTER"))
                .body("eligibility.unknown", equalTo(false))
                .body(
                        "eligibility.rules.rule",
                        contains("MAX_EMPLOYEES", "SIZE_CLASS", "INDUSTRY", "COUNTY", "ACTIVE_MEMBERSHIP"))
                .body("eligibility.rules.outcome", everyItem(equalTo("PASSED")))
                .body("submittedBy.role", equalTo("MEMBER"))
                .body("contact.name", equalTo("Anna Berg"))
                .extract();
        String id = answer.path("id");
        assertThat(answer.header("Location")).endsWith("/api/v1/applications/" + id);

        assertThat(TestSql.queryForString(
                        database,
                        "select status || '/' || facts_source || '/' || company_id || '/' || submitted_by_role"
                                + " || '/' || eligibility_unknown from application where id = ?::uuid",
                        id))
                .isEqualTo("SUBMITTED/REGISTER/" + company.id() + "/MEMBER/false");
        history(company.memberToken(), id)
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].from", nullValue())
                .body("[0].to", equalTo("SUBMITTED"))
                .body("[0].by", equalTo("member-" + company.id()));
        readApplication(company.memberToken(), id).statusCode(200).body("status", equalTo("SUBMITTED"));
        listApplications(company.memberToken(), Map.of("intakeId", intakeId))
                .statusCode(200)
                .body("items.id", contains(id));

        ReceivedEvent submitted = applications.awaitEvent(e -> id.equals(e.key()));
        assertThat(submitted.ceType()).isEqualTo(APPLICATION_TYPE + "submitted");
        assertThat(submitted.ceSubject()).isEqualTo(id);
        assertContract(submitted);
        assertThat(submitted.json().path("company").path("factsSource").asText())
                .isEqualTo("REGISTER");
        assertThat(submitted.json().path("intakeId").asText()).isEqualTo(intakeId);
    }

    @Test
    void a_member_applying_for_another_company_is_answered_403_and_nothing_is_saved() {
        TestCompany mine = memberCompany(database);
        TestCompany other = memberCompany(database);
        String intakeId = openIntake(noRules(), 10);
        String unknown = TestOrganisationNumbers.next();

        apply(mine.memberToken(), intakeId, application(other.organisationNumber()))
                .statusCode(403)
                .body("type", equalTo(PROBLEMS + "forbidden"));
        apply(mine.memberToken(), intakeId, declaredApplication(unknown, KARLSKRONA, 5, "MICRO", "25.110"))
                .statusCode(403);
        checkEligibility(mine.memberToken(), intakeId, application(other.organisationNumber()))
                .statusCode(403);

        assertThat(TestSql.queryForLong(
                        database, "select count(*) from application where intake_id = ?::uuid", intakeId))
                .isZero();
    }

    @Test
    void a_company_failing_rules_is_answered_422_not_eligible_with_one_error_per_failed_rule_and_nothing_is_saved() {
        TestCompany company = memberCompany(database); // 25 employees, SMALL, SNI 25.110, Karlskrona
        String intakeId = openIntake(
                Map.of(
                        "maxEmployees", 10,
                        "sizeClasses", List.of("MICRO"),
                        "sniSections", List.of("C"),
                        "municipalities", List.of(KARLSKRONA)),
                10);

        apply(company.memberToken(), intakeId, application(company.organisationNumber()))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "not-eligible"))
                .body("errors", hasSize(2))
                .body("errors.field", containsInAnyOrder("eligibility.MAX_EMPLOYEES", "eligibility.SIZE_CLASS"))
                .body("errors.find { it.field == 'eligibility.MAX_EMPLOYEES' }.message", containsString("25"));
        // Only staff may override; a member's reason changes nothing.
        apply(company.memberToken(), intakeId, withOverride(application(company.organisationNumber()), "Snälla"))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "not-eligible"));
        // Staff without a reason are refused as well.
        apply(TestTokens.staff(), intakeId, application(company.organisationNumber()))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "not-eligible"));

        assertThat(TestSql.queryForLong(
                        database,
                        "select count(*) from application where organisation_number = ?",
                        company.organisationNumber()))
                .isZero();
        applications.assertNoEvent(
                e -> e.value() != null && e.value().contains(company.organisationNumber()), Duration.ofSeconds(2));
    }

    @Test
    void staff_may_accept_a_company_that_fails_a_rule_with_a_reason_kept_on_the_application() {
        TestCompany company = memberCompany(database);
        String intakeId = openIntake(Map.of("maxEmployees", 10), 10);
        String reason = "Växer snabbt; styrgruppen har godkänt undantaget.";

        String id = apply(TestTokens.staff(), intakeId, withOverride(application(company.organisationNumber()), reason))
                .statusCode(201)
                .body("eligibility.overrideReason", equalTo(reason))
                .body("eligibility.rules[0].rule", equalTo("MAX_EMPLOYEES"))
                .body("eligibility.rules[0].outcome", equalTo("FAILED"))
                .body("submittedBy.role", equalTo("STAFF"))
                .extract()
                .path("id");

        assertThat(TestSql.queryForString(
                        database, "select eligibility_override_reason from application where id = ?::uuid", id))
                .isEqualTo(reason);
        history(TestTokens.staff(), id)
                .statusCode(200)
                .body("[0].to", equalTo("SUBMITTED"))
                .body("[0].reason", equalTo(reason))
                .body("[0].by", equalTo(TestTokens.STAFF_SUBJECT));
        ReceivedEvent submitted = applications.awaitEvent(e -> id.equals(e.key()));
        assertContract(submitted);
        assertThat(submitted.json().path("eligibility").path("overrideReason").asText())
                .isEqualTo(reason);
    }

    @Test
    void a_company_with_an_unknown_fact_is_accepted_and_flagged_unknown() {
        TestCompany company = register(database, newCompany(KARLSKRONA, null, null, "25.110", "ACTIVE"));
        String intakeId = openIntake(Map.of("maxEmployees", 249, "sniSections", List.of("C")), 10);

        String id = apply(company.memberToken(), intakeId, application(company.organisationNumber()))
                .statusCode(201)
                .body("eligibility.unknown", equalTo(true))
                .body("eligibility.rules.find { it.rule == 'MAX_EMPLOYEES' }.outcome", equalTo("UNKNOWN"))
                .body("eligibility.rules.find { it.rule == 'INDUSTRY' }.outcome", equalTo("PASSED"))
                .body("company.numberOfEmployees", nullValue())
                .extract()
                .path("id");

        assertThat(TestSql.queryForString(
                        database, "select eligibility_unknown::text from application where id = ?::uuid", id))
                .isEqualTo("true");
        assertContract(applications.awaitEvent(e -> id.equals(e.key())));
    }

    @Test
    void an_eligibility_check_judges_each_rule_without_saving_anything() {
        String intakeId = openIntake(
                Map.of(
                        "maxEmployees",
                        249,
                        "sizeClasses",
                        List.of("MICRO", "SMALL"),
                        "sniSections",
                        List.of("C"),
                        "activeMembership",
                        true),
                10);
        String organisationNumber = TestOrganisationNumbers.next();

        // A company the register does not know: its size fails, its employees and membership are unknown.
        checkEligibility(
                        TestTokens.staff(),
                        intakeId,
                        declaredApplication(organisationNumber, KARLSKRONA, null, "LARGE", "25.110"))
                .statusCode(200)
                .body("eligible", equalTo(false))
                .body("unknown", equalTo(true))
                .body("factsSource", equalTo("DECLARED"))
                .body("rules.rule", contains("MAX_EMPLOYEES", "SIZE_CLASS", "INDUSTRY", "COUNTY", "ACTIVE_MEMBERSHIP"))
                .body("rules.outcome", contains("UNKNOWN", "FAILED", "PASSED", "PASSED", "UNKNOWN"));

        TestCompany member = memberCompany(database);
        checkEligibility(member.memberToken(), intakeId, application(member.organisationNumber()))
                .statusCode(200)
                .body("eligible", equalTo(true))
                .body("unknown", equalTo(false))
                .body("factsSource", equalTo("REGISTER"))
                .body("rules.outcome", everyItem(equalTo("PASSED")));

        assertThat(TestSql.queryForLong(
                        database, "select count(*) from application where intake_id = ?::uuid", intakeId))
                .isZero();
    }

    @Test
    void a_partner_applies_for_a_company_in_its_region_that_the_register_does_not_know_on_declared_facts() {
        String intakeId = openIntake(Map.of("maxEmployees", 249), 10);
        String organisationNumber = TestOrganisationNumbers.next();
        String partner = TestTokens.partner("iuc-syd");

        String id = apply(partner, intakeId, declaredApplication(organisationNumber, MALMO, 40, "SMALL", "28.410"))
                .statusCode(201)
                .body("company.factsSource", equalTo("DECLARED"))
                .body("company.companyId", nullValue())
                .body("company.municipalityCode", equalTo(MALMO))
                .body("company.numberOfEmployees", equalTo(40))
                .body("submittedBy.role", equalTo("PARTNER"))
                .body("submittedBy.partnerId", equalTo("iuc-syd"))
                .body("eligibility.rules.outcome", everyItem(equalTo("PASSED")))
                .extract()
                .path("id");

        assertThat(TestSql.queryForString(
                        database,
                        "select facts_source || '/' || submitted_by_partner || '/' || (company_id is null)"
                                + " from application where id = ?::uuid",
                        id))
                .isEqualTo("DECLARED/iuc-syd/true");
        readApplication(partner, id).statusCode(200);
        listApplications(partner, Map.of("intakeId", intakeId)).statusCode(200).body("items.id", contains(id));
        ReceivedEvent submitted = applications.awaitEvent(e -> id.equals(e.key()));
        assertContract(submitted);
        assertThat(submitted.json().path("company").path("factsSource").asText())
                .isEqualTo("DECLARED");
        assertThat(submitted.json().path("submittedBy").path("partnerId").asText())
                .isEqualTo("iuc-syd");
    }

    @Test
    void a_partner_applying_for_a_company_outside_its_counties_is_answered_422_outside_partner_region() {
        String intakeId = openIntake(noRules(), 10);
        TestCompany blekinge = memberCompany(database);
        String partner = TestTokens.partner("iuc-syd");

        apply(partner, intakeId, declaredApplication(TestOrganisationNumbers.next(), KARLSKRONA, 12, "SMALL", null))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "outside-partner-region"))
                .body("errors.field", contains("company.municipalityCode"))
                .body("detail", not(containsString("[")));
        // The register's municipality counts, not what the partner says.
        var lying = declaredApplication(blekinge.organisationNumber(), MALMO, 12, "SMALL", null);
        apply(partner, intakeId, lying).statusCode(422).body("type", equalTo(PROBLEMS + "outside-partner-region"));

        assertThat(TestSql.queryForLong(
                        database, "select count(*) from application where intake_id = ?::uuid", intakeId))
                .isZero();
    }

    @Test
    void a_partner_does_not_see_the_application_of_a_company_outside_its_counties() {
        String intakeId = openIntake(noRules(), 10);
        TestCompany blekinge = memberCompany(database);
        String id = submitted(intakeId, application(blekinge.organisationNumber()));

        readApplication(TestTokens.partner("iuc-syd"), id)
                .statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        history(TestTokens.partner("iuc-syd"), id).statusCode(404);
        listApplications(TestTokens.partner("iuc-syd"), Map.of("intakeId", intakeId))
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        decide(TestTokens.partner("iuc-syd"), id, "withdraw", null).statusCode(404);

        // Techtank, serving Blekinge, does see it.
        readApplication(TestTokens.partner("techtank"), id).statusCode(200);
        listApplications(TestTokens.partner("techtank"), Map.of("intakeId", intakeId))
                .statusCode(200)
                .body("items.id", contains(id));
        assertThat(TestSql.queryForString(database, "select status from application where id = ?::uuid", id))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void a_member_does_not_see_another_companys_application() {
        String intakeId = openIntake(noRules(), 10);
        TestCompany applicant = memberCompany(database);
        TestCompany other = memberCompany(database);
        String id = apply(applicant.memberToken(), intakeId, application(applicant.organisationNumber()))
                .statusCode(201)
                .extract()
                .path("id");

        readApplication(other.memberToken(), id).statusCode(404);
        history(other.memberToken(), id).statusCode(404);
        listApplications(other.memberToken(), Map.of("intakeId", intakeId))
                .statusCode(200)
                .body("items", hasSize(0));
        decide(other.memberToken(), id, "withdraw", null).statusCode(404);

        readApplication(applicant.memberToken(), id).statusCode(200);
        readApplication(TestTokens.staff(), id).statusCode(200);
        listApplications(TestTokens.staff(), Map.of("intakeId", intakeId))
                .statusCode(200)
                .body("items.id", contains(id));
        assertThat(TestSql.queryForString(database, "select status from application where id = ?::uuid", id))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void a_second_standing_application_of_a_company_is_answered_409_duplicate_application() {
        String intakeId = openIntake(noRules(), 10);
        String organisationNumber = TestOrganisationNumbers.next();
        String first = submitted(intakeId, declaredApplication(organisationNumber, KARLSKRONA, 8, "MICRO", null));

        apply(TestTokens.staff(), intakeId, declaredApplication(organisationNumber, KARLSKRONA, 8, "MICRO", null))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "duplicate-application"));
        assertThat(count(intakeId, organisationNumber)).isEqualTo(1);

        // Once withdrawn, the company may apply again.
        decide(TestTokens.staff(), first, "withdraw", "Fel kontaktperson").statusCode(200);
        apply(TestTokens.staff(), intakeId, declaredApplication(organisationNumber, KARLSKRONA, 8, "MICRO", null))
                .statusCode(201);
        assertThat(count(intakeId, organisationNumber)).isEqualTo(2);
    }

    @Test
    void applying_to_an_intake_that_is_not_open_is_answered_409_intake_not_open() {
        String programmeId = ProgrammesApi.publishedProgrammeWithRules(noRules());
        String planned = planIntake(TestTokens.staff(), programmeId, futureIntake(10))
                .statusCode(201)
                .extract()
                .path("id");
        String closed = ProgrammesApi.openIntakeOf(programmeId, 10);
        ProgrammesApi.closeIntake(TestTokens.staff(), closed).statusCode(200).body("status", equalTo("CLOSED"));
        String organisationNumber = TestOrganisationNumbers.next();

        apply(TestTokens.staff(), planned, declaredApplication(organisationNumber, KARLSKRONA, 8, "MICRO", null))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "intake-not-open"))
                .body("detail", containsString("PLANNED"))
                // The window in Stockholm time (+01:00 or +02:00), not UTC.
                .body("detail", matchesPattern(".* from \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}\\+0[12]:00 until .*"));
        apply(TestTokens.staff(), closed, declaredApplication(organisationNumber, KARLSKRONA, 8, "MICRO", null))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "intake-not-open"))
                .body("detail", containsString("CLOSED"));

        assertThat(TestSql.queryForLong(
                        database, "select count(*) from application where organisation_number = ?", organisationNumber))
                .isZero();
    }

    @Test
    void an_intake_of_a_draft_programme_takes_no_applications() {
        String programmeId =
                ProgrammesApi.draftProgramme(ProgrammesApi.programme(ProgrammesApi.uniqueCode("DRAFTAPP"), noRules()));
        String intakeId = planIntake(TestTokens.staff(), programmeId, ProgrammesApi.intakeInWindow(5))
                .statusCode(201)
                .extract()
                .path("id");
        TestCompany company = memberCompany(database);

        apply(company.memberToken(), intakeId, application(company.organisationNumber()))
                .statusCode(404);
        apply(TestTokens.staff(), intakeId, application(company.organisationNumber()))
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-programme-transition"));
        ProgrammesApi.openIntake(TestTokens.staff(), intakeId)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-programme-transition"));
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from application where intake_id = ?::uuid", intakeId))
                .isZero();
    }

    @Test
    void a_retry_with_the_same_idempotency_key_gets_the_first_answer_and_saves_one_application() {
        String intakeId = openIntake(noRules(), 10);
        String organisationNumber = TestOrganisationNumbers.next();
        Map<String, Object> body = declaredApplication(organisationNumber, KARLSKRONA, 8, "MICRO", "25.110");
        String key = UUID.randomUUID().toString();

        var first = applyWithKey(TestTokens.staff(), intakeId, key, body)
                .statusCode(201)
                .extract();
        String id = first.path("id");
        applyWithKey(TestTokens.staff(), intakeId, key, body)
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", endsWith("/api/v1/applications/" + id))
                .body("id", equalTo(id))
                .body("status", equalTo("SUBMITTED"));

        assertThat(count(intakeId, organisationNumber)).isEqualTo(1);
        applications.awaitEvent(e -> id.equals(e.key()));
        applications.assertNoEvent(e -> id.equals(e.key()), Duration.ofSeconds(2));

        // The same key with another body is another request: refused, nothing done.
        String otherNumber = TestOrganisationNumbers.next();
        applyWithKey(
                        TestTokens.staff(),
                        intakeId,
                        key,
                        declaredApplication(otherNumber, KARLSKRONA, 8, "MICRO", "25.110"))
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(count(intakeId, otherNumber)).isZero();
    }

    @Test
    void a_partners_retry_while_the_first_is_running_is_409_and_one_after_an_abandoned_first_runs_again() {
        String intakeId = openIntake(noRules(), 10);
        String organisationNumber = TestOrganisationNumbers.next();
        Map<String, Object> body = declaredApplication(organisationNumber, MALMO, 8, "MICRO", "25.110");
        String key = UUID.randomUUID().toString();
        applyWithKey(TestTokens.partner("iuc-syd"), intakeId, key, body).statusCode(201);

        // As if the first request were still being processed.
        assertThat(TestIdempotencyKeys.asIfInProgress(database, key)).isEqualTo(1);
        applyWithKey(TestTokens.partner("iuc-syd"), intakeId, key, body)
                .statusCode(409)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo(PROBLEMS + "idempotency-key-in-progress"));

        // As if its replica had died before keeping the answer: the retry runs again, and the rule of one
        // standing application per company and intake stops a second one.
        assertThat(TestIdempotencyKeys.asIfAbandoned(database, key)).isEqualTo(1);
        applyWithKey(TestTokens.partner("iuc-syd"), intakeId, key, body)
                .statusCode(409)
                .body("type", equalTo(PROBLEMS + "duplicate-application"));
        assertThat(count(intakeId, organisationNumber)).isEqualTo(1);
        // The failed retry kept nothing: the key is free for the client's next attempt.
        assertThat(TestIdempotencyKeys.count(database, key)).isZero();
    }

    @Test
    void an_invalid_application_is_answered_422_naming_the_fields() {
        String intakeId = openIntake(noRules(), 10);
        Map<String, Object> body = Map.of(
                "company", Map.of("organisationNumber", "556677-0000", "sizeClass", "HUGE", "municipalityCode", "9999"),
                "contact", Map.of("name", "Anna Berg", "email", "not-an-address"));

        apply(TestTokens.staff(), intakeId, body)
                .statusCode(422)
                .body("type", equalTo(PROBLEMS + "validation-failed"))
                .body(
                        "errors.field",
                        hasItems(
                                "company.organisationNumber",
                                "company.sizeClass",
                                "company.municipalityCode",
                                "contact.email"));

        // A company the register does not know needs at least its name and municipality.
        Map<String, Object> nameless = application(TestOrganisationNumbers.next());
        apply(TestTokens.staff(), intakeId, nameless).statusCode(422).body("errors.field", contains("company.name"));
        assertThat(TestSql.queryForLong(
                        database, "select count(*) from application where intake_id = ?::uuid", intakeId))
                .isZero();
    }

    private long count(String intakeId, String organisationNumber) {
        return TestSql.queryForLong(
                database,
                "select count(*) from application where intake_id = ?::uuid and organisation_number = ?",
                intakeId,
                organisationNumber);
    }
}
