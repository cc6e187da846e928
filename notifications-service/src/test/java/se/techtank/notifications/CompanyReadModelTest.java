package se.techtank.notifications;

import io.quarkus.test.junit.QuarkusTest;

import se.techtank.members.events.readmodel.CompanyReadModelWiringTest;

/** Notifications name the companies they are about: the read model of docs/events.md, as wired here. */
@QuarkusTest
class CompanyReadModelTest extends CompanyReadModelWiringTest {}
