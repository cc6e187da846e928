package se.techtank.notifications;

import io.quarkus.test.junit.QuarkusTest;

import se.techtank.platform.testing.ServiceOperabilityTest;

/** Health, metrics and the API document of notifications-service (the checks every service shares). */
@QuarkusTest
class OperabilityTest extends ServiceOperabilityTest {

    @Override
    protected String serviceName() {
        return "notifications-service";
    }

    @Override
    protected String apiTitle() {
        return "Techtank notifications API";
    }

    @Override
    protected String apiPath() {
        return "/api/v1/deliveries";
    }
}
