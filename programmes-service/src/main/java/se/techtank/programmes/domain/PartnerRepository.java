package se.techtank.programmes.domain;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Partner IUCs by id. */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, String> {}
