package se.techtank.members.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Applications sent through the public membership form. */
@ApplicationScoped
public class MembershipApplicationRepository implements PanacheRepositoryBase<MembershipApplication, UUID> {}
