package se.techtank.members.events.readmodel;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A company state payload of {@code members.company.v1} as members-service writes it, for the tests here. */
final class CompanyEventBuilder {

    private CompanyEventBuilder() {}

    /** The state of a company; {@code membershipStatus} null for one that never applied. */
    static String state(UUID companyId, String name, String municipality, String membershipStatus, OffsetDateTime at) {
        String membership = membershipStatus == null ? "" : ",\"membership\":{\"status\":\"" + membershipStatus + "\"}";
        return """
                {"companyId":"%s","organisationNumber":"556036-0793","name":"%s","municipalityCode":"%s",\
                "inBlekinge":%s,"createdAt":"%s","modifiedAt":"%s"%s,"aFieldAddedLater":{"ignored":true}}""".formatted(companyId, name, municipality, municipality.startsWith("10"), at, at, membership);
    }
}
