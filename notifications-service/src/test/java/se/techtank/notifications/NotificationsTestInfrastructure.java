package se.techtank.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import se.techtank.platform.testing.TechtankTestResource;

/** Every test of this module runs against a real PostgreSQL (database {@code notifications}) and Kafka broker. */
@QuarkusTestResource(
        value = TechtankTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "notifications"))
public class NotificationsTestInfrastructure {}
