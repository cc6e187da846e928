package se.techtank.members.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.kernel.SniCode;
import se.techtank.kernel.ValidSniCode;

@Schema(name = "Sni", description = "SNI 2007 industry codes (Swedish NACE Rev. 2): one primary, optional secondary")
public record SniCodes(
        @Schema(
                description = "Primary SNI code, with or without the dot; returned as dd.ddd",
                examples = "25.110",
                required = true)
        @NotBlank
        @ValidSniCode
        String primary,

        @Schema(description = "Further SNI codes", examples = "[\"28.410\"]") @Size(max = 10)
        List<@NotBlank @ValidSniCode String> secondary) {

    SniCode primaryCode() {
        return SniCode.of(primary);
    }

    List<SniCode> secondaryCodes() {
        return secondary == null
                ? List.of()
                : secondary.stream().map(SniCode::of).toList();
    }

    static SniCodes of(SniCode primary, List<SniCode> secondary) {
        return new SniCodes(
                primary.value(), secondary.stream().map(SniCode::value).toList());
    }
}
