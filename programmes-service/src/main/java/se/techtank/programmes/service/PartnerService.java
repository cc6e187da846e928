package se.techtank.programmes.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.problem.StaleVersionException;
import se.techtank.programmes.domain.DuplicatePartnerException;
import se.techtank.programmes.domain.Partner;
import se.techtank.programmes.domain.PartnerRepository;

/** The partner IUCs: read by every authenticated caller, kept by staff. */
@ApplicationScoped
public class PartnerService {

    private final PartnerRepository partners;
    private final Clock clock = Clock.systemUTC();

    PartnerService(PartnerRepository partners) {
        this.partners = partners;
    }

    @Transactional
    public List<Partner> list() {
        return partners.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @Transactional
    public Partner get(String id) {
        return partners.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Partner", id));
    }

    @Transactional
    public Partner add(String id, String name, List<String> counties) {
        if (partners.findByIdOptional(id).isPresent()) {
            throw new DuplicatePartnerException(id);
        }
        Partner partner = Partner.of(id, name, counties, now());
        partners.persistAndFlush(partner);
        return partner;
    }

    @Transactional
    public Partner change(String id, String name, List<String> counties, long expectedVersion) {
        Partner partner = get(id);
        if (partner.version() != expectedVersion) {
            throw new StaleVersionException("Partner", id);
        }
        partner.change(name, counties, now());
        partners.flush();
        return partner;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
