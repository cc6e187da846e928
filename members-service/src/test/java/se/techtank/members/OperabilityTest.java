package se.techtank.members;

import io.quarkus.test.junit.QuarkusTest;

import se.techtank.platform.testing.ServiceOperabilityTest;

/** Health, metrics and the API document of members-service (the checks every service shares). */
@QuarkusTest
class OperabilityTest extends ServiceOperabilityTest {

    @Override
    protected String serviceName() {
        return "members-service";
    }

    @Override
    protected String apiTitle() {
        return "Techtank members API";
    }

    @Override
    protected String apiPath() {
        return "/api/v1/companies";
    }
}
