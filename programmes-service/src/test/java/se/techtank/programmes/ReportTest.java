package se.techtank.programmes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestSql;
import se.techtank.platform.testing.TestTokens;
import se.techtank.programmes.ProgrammesApi.TestCompany;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static se.techtank.programmes.ProgrammesApi.MALMO;
import static se.techtank.programmes.ProgrammesApi.declaredApplication;
import static se.techtank.programmes.ProgrammesApi.enrolled;
import static se.techtank.programmes.ProgrammesApi.logActivity;
import static se.techtank.programmes.ProgrammesApi.memberCompany;
import static se.techtank.programmes.ProgrammesApi.noRules;
import static se.techtank.programmes.ProgrammesApi.openIntakeOf;
import static se.techtank.programmes.ProgrammesApi.publishedProgrammeWithRules;
import static se.techtank.programmes.ProgrammesApi.report;
import static se.techtank.programmes.ProgrammesApi.reportCsv;
import static se.techtank.programmes.ProgrammesApi.submitted;

/** A programme's report for its funders, as JSON and as CSV for Excel: companies, statuses, hours; no persons. */
@QuarkusTest
class ReportTest {

    @Inject
    AgroalDataSource database;

    /** A programme with an enrolled Karlskrona member (3.75 hours) and a declared Malmö company (submitted). */
    private record Reported(
            String programmeId,
            String intakeId,
            TestCompany member,
            String memberApplication,
            String declaredNumber,
            String declaredApplication) {}

    private Reported reported() {
        String programmeId = publishedProgrammeWithRules(noRules());
        String intakeId = openIntakeOf(programmeId, 10);
        TestCompany member = memberCompany(database);
        String memberApplication = enrolled(intakeId, member.organisationNumber());
        logActivity(
                        TestTokens.staff(),
                        memberApplication,
                        Map.of("date", "2026-11-20", "kind", "COACHING", "hours", 2.5))
                .statusCode(201);
        logActivity(
                        TestTokens.staff(),
                        memberApplication,
                        Map.of("date", "2026-11-27", "kind", "WORKSHOP", "hours", 1.25))
                .statusCode(201);
        String declaredNumber = TestOrganisationNumbers.next();
        String declaredApplication =
                submitted(intakeId, declaredApplication(declaredNumber, MALMO, 80, "MEDIUM", "62.010"));
        return new Reported(programmeId, intakeId, member, memberApplication, declaredNumber, declaredApplication);
    }

    @Test
    void the_report_lists_each_application_with_its_company_status_and_hours_and_the_totals() {
        Reported r = reported();

        String member = "lines.find { it.organisationNumber == '" + r.member().organisationNumber() + "' }.";
        String declared = "lines.find { it.organisationNumber == '" + r.declaredNumber() + "' }.";
        report(TestTokens.staff(), r.programmeId())
                .statusCode(200)
                .body("programmeId", equalTo(r.programmeId()))
                .body("lines", hasSize(2))
                .body(member + "intakeId", equalTo(r.intakeId()))
                .body(member + "companyName", equalTo(r.member().name()))
                .body(member + "municipalityCode", equalTo(r.member().municipalityCode()))
                .body(member + "sizeClass", equalTo("SMALL"))
                .body(member + "sniSection", equalTo("C"))
                .body(member + "status", equalTo("ENROLLED"))
                .body(member + "hours", equalTo(3.75f))
                .body(declared + "companyName", equalTo("Deklarerad AB " + r.declaredNumber()))
                .body(declared + "municipalityCode", equalTo(MALMO))
                .body(declared + "sizeClass", equalTo("MEDIUM"))
                .body(declared + "sniSection", equalTo("J"))
                .body(declared + "status", equalTo("SUBMITTED"))
                .body(declared + "hours", equalTo(0f))
                .body("applicationsByStatus.ENROLLED", equalTo(1))
                .body("applicationsByStatus.SUBMITTED", equalTo(1))
                .body("applicationsByStatus.size()", equalTo(2))
                .body("hours", equalTo(3.75f));
        assertThat(TestSql.queryForString(
                        database,
                        "select sum(hours)::text from activity where application_id = ?::uuid",
                        r.memberApplication()))
                .isEqualTo("3.75");
    }

    @Test
    void the_csv_report_is_utf8_with_a_bom_a_header_and_one_line_per_application_and_names_no_person() {
        Reported r = reported();
        String email = TestSql.queryForString(
                database, "select contact_email from application where id = ?::uuid", r.memberApplication());
        String contactName = TestSql.queryForString(
                database, "select contact_name from application where id = ?::uuid", r.declaredApplication());

        byte[] bytes = reportCsv(TestTokens.staff(), r.programmeId())
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract()
                .asByteArray();

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .isEqualTo("Omgång;Organisationsnummer;Företag;Kommun;Storleksklass;SNI-avdelning;Status;Timmar");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo(String.join(
                                ";",
                                r.intakeId(),
                                r.member().organisationNumber(),
                                r.member().name(),
                                r.member().municipalityCode(),
                                "SMALL",
                                "C",
                                "ENROLLED",
                                "3.75")))
                .anySatisfy(line -> assertThat(line).startsWith(r.intakeId() + ";" + r.declaredNumber() + ";"));
        assertThat(email).contains("@");
        assertThat(csv).doesNotContain("@").doesNotContainIgnoringCase(email).doesNotContain(contactName);
    }

    @Test
    void only_staff_get_a_report_and_an_unknown_programme_is_404() {
        Reported r = reported();

        report(r.member().memberToken(), r.programmeId()).statusCode(403);
        reportCsv(r.member().memberToken(), r.programmeId()).statusCode(403);
        report(TestTokens.partner("techtank"), r.programmeId()).statusCode(403);
        reportCsv(TestTokens.partner("iuc-syd"), r.programmeId()).statusCode(403);
        report(TestTokens.municipality("1080"), r.programmeId()).statusCode(403);
        report(null, r.programmeId()).statusCode(401);
        report(TestTokens.staff(), UUID.randomUUID().toString()).statusCode(404);
        reportCsv(TestTokens.staff(), UUID.randomUUID().toString()).statusCode(404);
        report(TestTokens.staff(), "not-a-uuid").statusCode(404);
    }
}
