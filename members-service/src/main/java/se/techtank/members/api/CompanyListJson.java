package se.techtank.members.api;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.util.RawValue;
import io.micrometer.core.instrument.MeterRegistry;

import se.techtank.members.config.MembersConfig;
import se.techtank.members.domain.CompanyListItems;
import se.techtank.members.domain.CompanySummary;
import se.techtank.platform.caching.RowVersionCache;
import se.techtank.platform.json.PrerenderedJson;

/**
 * The items of the company list as JSON: each company's {@link CompanyResponse}, written once per version of
 * its row and then given back as those bytes while the row is unchanged (ADR 0010). Under the search
 * benchmark (docs/benchmarks.md) writing the page's companies with Jackson and decoding their rows took most
 * of the service's CPU, while a company's row changes rarely and is listed again and again.
 *
 * <p>Exact: a rendering is reused only for exactly the row version (xmin) it was written from, and any
 * change of the row, through the API or past it, makes a new version. Only what a company's row shows is
 * remembered, never which companies a caller may list: that the service and the repository decide afresh
 * for every request. Written with the {@link ObjectMapper} Quarkus REST writes responses with (the platform's
 * JSON conventions: ISO times, no null fields), so an item reads byte for byte as {@code GET
 * /api/v1/companies/{id}} answers and as Jackson wrote the list before.
 */
@ApplicationScoped
class CompanyListJson implements CompanyListItems<RawValue> {

    private final ObjectWriter writer;
    private final RowVersionCache<UUID> renderings;

    CompanyListJson(ObjectMapper json, MeterRegistry registry, MembersConfig config) {
        this.writer = json.writerFor(CompanyResponse.class);
        this.renderings =
                new RowVersionCache<>("company-json", config.companyList().rememberedCompanies(), registry);
    }

    @Override
    public Optional<RawValue> madeBefore(UUID id, String version) {
        return renderings.get(id, version).map(PrerenderedJson::of);
    }

    @Override
    public RawValue make(CompanySummary company, String version) {
        byte[] rendering;
        try {
            rendering = writer.writeValueAsBytes(CompanyResponse.of(company));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Company " + company.id() + " could not be written as JSON", e);
        }
        renderings.put(company.id(), version, rendering);
        return PrerenderedJson.of(rendering);
    }
}
