package se.techtank.programmes.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import se.techtank.kernel.MunicipalityCode;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.security.Caller;
import se.techtank.programmes.domain.Application;
import se.techtank.programmes.domain.ApplicationRepository;
import se.techtank.programmes.domain.Partner;
import se.techtank.programmes.domain.PartnerRepository;

/**
 * Who may see which application: staff all; a member its own company's; a partner those of companies in
 * the counties it serves (and those it submitted). Anything else answers as not found, so ids cannot be
 * probed.
 */
@ApplicationScoped
public class ApplicationAccess {

    private final Caller caller;
    private final ApplicationRepository applications;
    private final PartnerRepository partners;

    ApplicationAccess(Caller caller, ApplicationRepository applications, PartnerRepository partners) {
        this.caller = caller;
        this.applications = applications;
        this.partners = partners;
    }

    public boolean maySee(Application application) {
        if (caller.isStaff()) {
            return true;
        }
        if (caller.isMember()) {
            return caller.companyId().isPresent() && application.companyId().equals(caller.companyId());
        }
        if (caller.isPartner()) {
            String partnerId = caller.partnerId().orElse(null);
            if (partnerId != null && partnerId.equals(application.submitter().partnerId())) {
                return true;
            }
            String municipality = application.facts().municipalityCode();
            return municipality != null
                    && MunicipalityCode.isValid(municipality)
                    && partner()
                            .map(p -> p.serves(MunicipalityCode.county(municipality)))
                            .orElse(false);
        }
        return false;
    }

    /** The application, locked, if the caller may see it. */
    public Application visibleForUpdate(UUID id) {
        return applications.findForUpdate(id).filter(this::maySee).orElseThrow(() -> notFound(id));
    }

    public Application visible(UUID id) {
        return applications.findByIdOptional(id).filter(this::maySee).orElseThrow(() -> notFound(id));
    }

    /** The calling partner, if the caller is one the service knows. */
    public Optional<Partner> partner() {
        return caller.partnerId().flatMap(partners::findByIdOptional);
    }

    /** The counties whose companies' applications a partner caller sees; empty for a partner unknown here. */
    public List<String> partnerCounties() {
        return partner().map(Partner::counties).orElse(List.of());
    }

    public static NotFoundException notFound(UUID id) {
        return new NotFoundException("Application", id);
    }
}
