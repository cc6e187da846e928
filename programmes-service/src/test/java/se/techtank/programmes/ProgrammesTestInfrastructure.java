package se.techtank.programmes;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

import se.techtank.platform.testing.TechtankTestResource;

/** Every test of this module runs against a real PostgreSQL (database {@code programmes}) and Kafka broker. */
@QuarkusTestResource(
        value = TechtankTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "programmes"))
public class ProgrammesTestInfrastructure {}
