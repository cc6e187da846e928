package se.techtank.programmes;

import io.quarkus.test.junit.QuarkusTest;

import se.techtank.members.events.readmodel.CompanyReadModelWiringTest;

/** The company read model of docs/events.md, from this service's channel to its table. */
@QuarkusTest
class CompanyReadModelTest extends CompanyReadModelWiringTest {}
