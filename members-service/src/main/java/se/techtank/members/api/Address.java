package se.techtank.members.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.members.domain.PostalAddress;

@Schema(name = "PostalAddress", description = "A Swedish postal address")
public record Address(
        @Schema(examples = "Industrivägen 4") @Size(max = 200)
        String street,

        @Schema(description = "Five digits, with or without the space", examples = "293 38", required = true)
        @NotBlank
        @Pattern(regexp = "\\d{3} ?\\d{2}", message = "must be a Swedish postal code, e.g. 293 38")
        String postalCode,

        @Schema(examples = "Olofström", required = true) @NotBlank @Size(max = 100)
        String city) {

    PostalAddress toAddress() {
        return new PostalAddress(
                street == null || street.isBlank() ? null : street.strip(),
                PostalAddress.normalisePostalCode(postalCode),
                city.strip());
    }

    static Address of(PostalAddress address) {
        return new Address(address.street(), address.postalCode(), address.city());
    }
}
