package se.techtank.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import se.techtank.platform.testing.TechtankTestResource;

/** Every test of this module runs against a real PostgreSQL (database {@code notifications}) and Kafka broker, and mails to a real SMTP server (TestSmtp). */
@QuarkusTestResource(
        value = TechtankTestResource.class,
        initArgs = {
            @ResourceArg(name = "database", value = "notifications"),
            @ResourceArg(name = TechtankTestResource.SMTP_ARG, value = "true")
        })
public class NotificationsTestInfrastructure {}
