package se.techtank.events;

import io.quarkus.test.junit.QuarkusTest;

import se.techtank.platform.testing.ServiceOperabilityTest;

/** Health, metrics and the API document of events-service (the checks every service shares). */
@QuarkusTest
class OperabilityTest extends ServiceOperabilityTest {

    @Override
    protected String serviceName() {
        return "events-service";
    }

    @Override
    protected String apiTitle() {
        return "Techtank events API";
    }

    @Override
    protected String apiPath() {
        return "/api/v1/meetings";
    }
}
