package se.techtank.programmes;

import io.quarkus.test.junit.QuarkusTest;

import se.techtank.platform.testing.ServiceOperabilityTest;

/** Health, metrics and the API document of programmes-service (the checks every service shares). */
@QuarkusTest
class OperabilityTest extends ServiceOperabilityTest {

    @Override
    protected String serviceName() {
        return "programmes-service";
    }

    @Override
    protected String apiTitle() {
        return "Techtank programmes API";
    }

    @Override
    protected String apiPath() {
        return "/api/v1/programmes";
    }
}
