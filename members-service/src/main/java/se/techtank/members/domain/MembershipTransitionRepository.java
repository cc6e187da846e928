package se.techtank.members.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The membership history of companies. */
@ApplicationScoped
public class MembershipTransitionRepository implements PanacheRepositoryBase<MembershipTransition, UUID> {

    public List<MembershipTransition> ofCompany(UUID companyId) {
        return list("companyId = ?1 order by occurredAt, id", companyId);
    }
}
