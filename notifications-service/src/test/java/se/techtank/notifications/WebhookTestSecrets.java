package se.techtank.notifications;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets no subscription has, to show a signature does not verify with just any key. */
final class WebhookTestSecrets {

    private WebhookTestSecrets() {}

    static String other() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
