package se.techtank.members.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Needs assessments, newest first. */
@ApplicationScoped
public class NeedsAssessmentRepository implements PanacheRepositoryBase<NeedsAssessment, UUID> {

    public List<NeedsAssessment> ofCompany(UUID companyId) {
        return list("companyId = ?1 order by assessedOn desc, createdAt desc", companyId);
    }
}
