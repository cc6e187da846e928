package se.techtank.events.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import se.techtank.events.domain.Audience;
import se.techtank.events.domain.CoOrganiser;
import se.techtank.events.domain.MeetingDetails;
import se.techtank.events.domain.MeetingKind;
import se.techtank.events.domain.MeetingTime;
import se.techtank.kernel.FocusArea;
import se.techtank.kernel.LocalizedText;
import se.techtank.kernel.ValidMunicipalityCode;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.validation.EmailAddress;
import se.techtank.platform.validation.FieldRules;
import se.techtank.platform.validation.ValidEmailAddress;

@Schema(
        name = "MeetingRequest",
        description = "A meeting as staff or the municipality's business office plan it. Times are local times in "
                + "Europe/Stockholm, without offset (`2026-10-15T08:00`), or times with an offset or `Z` "
                + "(`2026-10-15T06:00:00.000Z`), which are converted to the local time in Stockholm; responses show "
                + "them with the offset of that day, and can be sent back as they are. A local time that does not "
                + "exist in Stockholm (the hour skipped when summer time starts) is 422. On PUT it replaces the "
                + "whole meeting.",
        examples = """
                {"kind": "INDUSTRY_MEETING",
                 "title": {"sv": "Branschträff Karlshamn", "en": "Industry meeting Karlshamn"},
                 "description": {"sv": "Frukostmöte om automation för tillverkande företag i Karlshamn."},
                 "municipalityCode": "1082", "series": "Branschträffar hösten 2026",
                 "coOrganisers": [{"name": "Näringslivskontoret Karlshamn", "email": "naringsliv@karlshamn.example.se"}],
                 "venue": {"name": "Väggaparken konferens", "address": "Väggavägen 1, 374 35 Karlshamn"},
                 "start": "2026-10-15T08:00", "end": "2026-10-15T10:00",
                 "capacity": 60, "maxPerCompany": 3,
                 "registrationOpens": "2026-09-01T09:00", "registrationCloses": "2026-10-13T23:59",
                 "audience": "PUBLIC", "approvalRequired": false, "focusAreas": ["AUTOMATION", "DIGITALISATION"]}
                """)
@FieldRules
public record MeetingRequest(
        @Schema(description = "What sort of meeting; a branschträff is INDUSTRY_MEETING", required = true) @NotNull
        MeetingKind kind,

        @Schema(description = "Title; `sv` required", required = true) @NotNull @Valid
        Text title,

        @Schema(description = "Description; `sv` required", required = true) @NotNull @Valid
        Text description,

        @Schema(description = "Where the meeting is held (SCB kommunkod)", examples = "1082", required = true)
        @NotNull
        @ValidMunicipalityCode
        String municipalityCode,

        @Schema(
                description = "Groups meetings, e.g. the five autumn branschträffar",
                examples = "Branschträffar hösten 2026")
        @Size(max = 200)
        String series,

        @Schema(description = "Organisations arranging the meeting with Techtank") @Size(max = 10)
        List<@NotNull @Valid CoOrganiserRequest> coOrganisers,

        @Schema(description = "Venue; a venue or an online link (or both) is required") @Valid
        VenueRequest venue,

        @Schema(description = "Link for online attendance", examples = "https://meet.example.se/leankonferens")
        @Size(max = 500)
        @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link")
        String onlineLink,

        @Schema(
                description = "Start: local time in Europe/Stockholm, or a time with offset or `Z`",
                type = SchemaType.STRING,
                examples = "2026-10-15T08:00",
                required = true)
        @NotNull
        LocalDateTime start,

        @Schema(
                description = "End: local time in Europe/Stockholm, or a time with offset or `Z`; after the start",
                type = SchemaType.STRING,
                examples = "2026-10-15T10:00",
                required = true)
        @NotNull
        LocalDateTime end,

        @Schema(description = "Seats; at least 1", examples = "60", required = true) @NotNull @Min(1) @Max(100_000)
        Integer capacity,

        @Schema(description = "At most this many attendees from one company (no limit if absent)", examples = "3")
        @Min(1)
        Integer maxPerCompany,

        @Schema(
                description = "When registration opens, local time (at once when published, if absent)",
                type = SchemaType.STRING,
                examples = "2026-09-01T09:00")
        LocalDateTime registrationOpens,

        @Schema(
                description = "When registration closes, local time; at the latest the start (the start, if absent)",
                type = SchemaType.STRING,
                examples = "2026-10-13T23:59")
        LocalDateTime registrationCloses,

        @Schema(description = "Who may register (PUBLIC if absent)", defaultValue = "PUBLIC")
        Audience audience,

        @Schema(description = "Staff approve each registration (false if absent)", defaultValue = "false")
        Boolean approvalRequired,

        @Schema(description = "The focus areas the meeting serves") @Size(max = 8)
        List<@NotNull FocusArea> focusAreas)
        implements FieldRules.Checked {

    @Schema(name = "LocalizedText", description = "A text in Swedish (required) and English")
    public record Text(
            @Schema(description = "Swedish", required = true) @NotBlank @Size(max = 5000)
            String sv,

            @Schema(description = "English") @Size(max = 5000)
            String en) {

        LocalizedText toText() {
            return new LocalizedText(sv, en);
        }

        static Text of(LocalizedText text) {
            return new Text(text.sv(), text.en());
        }
    }

    @Schema(name = "CoOrganiserRequest", description = "An organisation arranging the meeting with Techtank")
    public record CoOrganiserRequest(
            @Schema(examples = "Näringslivskontoret Karlshamn", required = true) @NotBlank @Size(max = 200)
            String name,

            @Schema(examples = "naringsliv@karlshamn.example.se") @ValidEmailAddress
            String email) {}

    @Schema(name = "Venue", description = "Where the meeting takes place")
    public record VenueRequest(
            @Schema(examples = "Väggaparken konferens", required = true) @NotBlank @Size(max = 200)
            String name,

            @Schema(examples = "Väggavägen 1, 374 35 Karlshamn") @Size(max = 500)
            String address) {}

    /**
     * Rules between fields (end after start, closing before start, opening before closing, a place, local
     * times that exist): checked by bean validation with the field annotations ({@link FieldRules}), so
     * that a 422 lists every broken rule at once.
     */
    @Override
    public List<FieldError> brokenRules() {
        List<FieldError> errors = new ArrayList<>();
        Instant startsAt = instant("start", start, errors);
        Instant endsAt = instant("end", end, errors);
        Instant opensAt = instant("registrationOpens", registrationOpens, errors);
        Instant closesAt =
                registrationCloses == null ? startsAt : instant("registrationCloses", registrationCloses, errors);
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new FieldError("end", "must be after the start"));
        }
        if (closesAt != null && startsAt != null && closesAt.isAfter(startsAt)) {
            errors.add(new FieldError("registrationCloses", "must be at the latest the start"));
        }
        if (opensAt != null && closesAt != null && !opensAt.isBefore(closesAt)) {
            errors.add(new FieldError("registrationOpens", "must be before registration closes"));
        }
        if (venue == null && (onlineLink == null || onlineLink.isBlank())) {
            errors.add(new FieldError("venue", "a venue or an online link is required"));
        }
        return errors;
    }

    /** The checked details (bean validation has run; the rules between fields are checked once more). */
    MeetingDetails toDetails() {
        List<FieldError> broken = brokenRules();
        if (!broken.isEmpty()) {
            throw new RuleViolationException(broken);
        }
        Instant startsAt = MeetingTime.instantOf(start).orElseThrow();
        Instant endsAt = MeetingTime.instantOf(end).orElseThrow();
        Instant opensAt = registrationOpens == null
                ? null
                : MeetingTime.instantOf(registrationOpens).orElseThrow();
        Instant closesAt = registrationCloses == null
                ? startsAt
                : MeetingTime.instantOf(registrationCloses).orElseThrow();
        Set<FocusArea> areas = EnumSet.noneOf(FocusArea.class);
        if (focusAreas != null) {
            areas.addAll(focusAreas);
        }
        return new MeetingDetails(
                kind,
                title.toText(),
                description.toText(),
                municipalityCode,
                blankToNull(series),
                coOrganisers == null
                        ? List.of()
                        : coOrganisers.stream()
                                .map(c -> new CoOrganiser(
                                        c.name().strip(),
                                        c.email() == null
                                                ? null
                                                : EmailAddress.of(c.email()).value()))
                                .toList(),
                venue == null ? null : new MeetingDetails.Venue(venue.name().strip(), blankToNull(venue.address())),
                blankToNull(onlineLink),
                startsAt,
                endsAt,
                capacity,
                maxPerCompany,
                opensAt,
                closesAt,
                audience == null ? Audience.PUBLIC : audience,
                Boolean.TRUE.equals(approvalRequired),
                areas);
    }

    /** The instant of a local time, or null when it is missing (left to @NotNull) or does not exist. */
    private static Instant instant(String field, LocalDateTime local, List<FieldError> errors) {
        if (local == null) {
            return null;
        }
        Optional<Instant> instant = MeetingTime.instantOf(local);
        if (instant.isEmpty()) {
            errors.add(new FieldError(
                    field, "does not exist in Europe/Stockholm (the hour skipped when summer time starts)"));
        }
        return instant.orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
