package se.techtank.members.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import se.techtank.platform.testing.TestOrganisationNumbers;
import se.techtank.platform.testing.TestTokens;

import static io.restassured.RestAssured.given;

/** The calls the contact tests make, each with fresh data of its own. */
final class ContactsApi {

    static final String PROBLEMS = "https://api.techtank.se/problems/";
    static final String TOPIC = "members.contact.v1";

    private ContactsApi() {}

    /** A newly registered company (by staff); returns its id. */
    static String registeredCompany() {
        return given().auth()
                .oauth2(TestTokens.staff())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "organisationNumber",
                        TestOrganisationNumbers.next(),
                        "name",
                        "Kontaktföretaget AB",
                        "municipalityCode",
                        "1060"))
                .when()
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** An e-mail address no other test uses. */
    static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@pressverktyg.example.se";
    }

    /** A valid contact: name, a unique e-mail, and the given consents. */
    static Map<String, Object> contact(String name, String... consents) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", uniqueEmail(name.toLowerCase().replace(' ', '.')));
        body.put("consents", List.of(consents));
        return body;
    }

    static ValidatableResponse add(String token, String companyId, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/companies/" + companyId + "/contacts")
                .then();
    }

    /** Adds the contact as staff and returns its id. */
    static String added(String companyId, Map<String, Object> body) {
        return add(TestTokens.staff(), companyId, body)
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse read(String token, String contactId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/contacts/" + contactId)
                .then();
    }

    static String etag(String contactId) {
        return read(TestTokens.staff(), contactId).statusCode(200).extract().header("ETag");
    }

    static ValidatableResponse update(String token, String contactId, String etag, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.when().put("/api/v1/contacts/" + contactId).then();
    }

    static ValidatableResponse remove(String token, String contactId) {
        return given().auth()
                .oauth2(token)
                .when()
                .delete("/api/v1/contacts/" + contactId)
                .then();
    }

    static ValidatableResponse list(String token, String companyId, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .when()
                .get("/api/v1/companies/" + companyId + "/contacts")
                .then();
    }

    static ValidatableResponse erase(String token, String contactId) {
        return given().auth()
                .oauth2(token)
                .when()
                .post("/api/v1/contacts/" + contactId + "/erase")
                .then();
    }

    static ValidatableResponse personalData(String token, String contactId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/contacts/" + contactId + "/personal-data")
                .then();
    }
}
