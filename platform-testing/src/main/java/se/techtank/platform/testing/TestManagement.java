package se.techtank.platform.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the service under test: health, metrics and the OpenAPI document are served
 * there, not on the API port ({@code quarkus.management.enabled}).
 */
public final class TestManagement {

    private TestManagement() {}

    /** An absolute URL of a management endpoint, e.g. {@code url("/q/health/ready")}. */
    public static String url(String path) {
        // Quarkus publishes the management root with its /q prefix (http://localhost:port/q).
        String root = ConfigProvider.getConfig().getValue("test.management.url", String.class);
        return root.replaceFirst("/q/?$", "") + path;
    }
}
