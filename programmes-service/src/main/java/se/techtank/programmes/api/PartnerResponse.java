package se.techtank.programmes.api;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.programmes.domain.Partner;

/** A partner IUC. */
@Schema(name = "Partner")
record PartnerResponse(String id, String name, List<String> counties, OffsetDateTime modifiedAt) {

    static PartnerResponse of(Partner partner) {
        return new PartnerResponse(
                partner.id(), partner.name(), partner.counties(), Texts.stockholm(partner.modifiedAt()));
    }
}
