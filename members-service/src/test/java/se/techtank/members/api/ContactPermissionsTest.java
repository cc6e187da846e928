package se.techtank.members.api;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static se.techtank.members.api.ContactsApi.PROBLEMS;
import static se.techtank.members.api.ContactsApi.add;
import static se.techtank.members.api.ContactsApi.added;
import static se.techtank.members.api.ContactsApi.contact;
import static se.techtank.members.api.ContactsApi.erase;
import static se.techtank.members.api.ContactsApi.etag;
import static se.techtank.members.api.ContactsApi.list;
import static se.techtank.members.api.ContactsApi.personalData;
import static se.techtank.members.api.ContactsApi.read;
import static se.techtank.members.api.ContactsApi.registeredCompany;
import static se.techtank.members.api.ContactsApi.remove;
import static se.techtank.members.api.ContactsApi.update;

/**
 * Who may do what with contact persons: staff everything, a member only its own company's contacts
 * (any other answers 404), municipality and partner users nothing (403), anonymous callers 401.
 */
@QuarkusTest
class ContactPermissionsTest {

    @Test
    void a_member_manages_the_contacts_of_its_own_company() {
        String companyId = registeredCompany();
        String member = TestTokens.member(UUID.fromString(companyId));
        Map<String, Object> body = contact("Lena Malm", "NEWSLETTER");

        String id = add(member, companyId, body).statusCode(201).extract().path("id");
        list(member, companyId, Map.of()).statusCode(200).body("items.id", contains(id));
        read(member, id).statusCode(200).body("name", equalTo("Lena Malm"));
        body.put("role", "Inköpare");
        update(member, id, etag(id), body).statusCode(200).body("role", equalTo("Inköpare"));
        remove(member, id).statusCode(204);
        read(TestTokens.staff(), id).statusCode(404);
    }

    @Test
    void a_member_of_another_company_finds_nothing() {
        String companyId = registeredCompany();
        String id = added(companyId, contact("Mats Nyberg"));
        String stranger = TestTokens.member(UUID.fromString(registeredCompany()));

        add(stranger, companyId, contact("Intruder")).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        list(stranger, companyId, Map.of()).statusCode(404);
        read(stranger, id).statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        update(stranger, id, etag(id), contact("Hijacked")).statusCode(404);
        remove(stranger, id).statusCode(404);

        read(TestTokens.staff(), id).statusCode(200).body("name", equalTo("Mats Nyberg"));
        list(TestTokens.staff(), companyId, Map.of()).body("totalItems", equalTo(1));
    }

    @Test
    void only_staff_exports_or_erases_a_person() {
        String companyId = registeredCompany();
        String id = added(companyId, contact("Nils Olsson"));
        String member = TestTokens.member(UUID.fromString(companyId));

        personalData(member, id).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        erase(member, id).statusCode(403);

        read(TestTokens.staff(), id).statusCode(200).body("erased", equalTo(false));
    }

    @Test
    void municipality_and_partner_users_are_forbidden() {
        String companyId = registeredCompany();
        String id = added(companyId, contact("Olle Persson"));

        for (String token : new String[] {TestTokens.municipality("1060"), TestTokens.partner("iuc-syd")}) {
            add(token, companyId, contact("Someone")).statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
            list(token, companyId, Map.of()).statusCode(403);
            read(token, id).statusCode(403);
            update(token, id, etag(id), contact("Someone")).statusCode(403);
            remove(token, id).statusCode(403);
            personalData(token, id).statusCode(403);
            erase(token, id).statusCode(403);
        }
        read(TestTokens.staff(), id).statusCode(200).body("name", equalTo("Olle Persson"));
    }

    @Test
    void anonymous_callers_are_unauthenticated() {
        String companyId = registeredCompany();
        String id = added(companyId, contact("Per Quist"));

        given().contentType("application/json")
                .body(contact("Anonymous"))
                .when()
                .post("/api/v1/companies/" + companyId + "/contacts")
                .then()
                .statusCode(401)
                .body("type", equalTo(PROBLEMS + "unauthenticated"));
        given().when()
                .get("/api/v1/companies/" + companyId + "/contacts")
                .then()
                .statusCode(401);
        given().when().get("/api/v1/contacts/" + id).then().statusCode(401);
        given().when().delete("/api/v1/contacts/" + id).then().statusCode(401);
        given().when().get("/api/v1/contacts/" + id + "/personal-data").then().statusCode(401);
        given().when().post("/api/v1/contacts/" + id + "/erase").then().statusCode(401);

        read(TestTokens.staff(), id).statusCode(200);
    }
}
