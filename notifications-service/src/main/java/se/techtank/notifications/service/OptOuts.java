package se.techtank.notifications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.notifications.domain.Delivery;
import se.techtank.notifications.domain.InvalidUnsubscribeTokenException;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.domain.OptOutRepository;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.validation.EmailAddress;

/**
 * Optional kinds turned off, by the unsubscribe link of a mail: for a contact person by their id, for anyone
 * else by (the hash of) their address, so that it holds for whatever they register for later.
 */
@ApplicationScoped
public class OptOuts {

    private final OptOutRepository optOuts;
    private final UnsubscribeTokens tokens;
    private final java.time.Clock clock = java.time.Clock.systemUTC();

    OptOuts(OptOutRepository optOuts, UnsubscribeTokens tokens) {
        this.optOuts = optOuts;
        this.tokens = tokens;
    }

    /** Who a delivery's unsubscribe link and opt-out are about: {@code contact:<id>} or {@code email:<hash>}. */
    public static String recipientOf(Delivery delivery) {
        if (delivery.contactId() != null) {
            return "contact:" + delivery.contactId();
        }
        return "email:" + EmailAddress.hashOf(delivery.address());
    }

    /** Turns off what the token names; fails with {@link InvalidUnsubscribeTokenException} for a bad token. */
    @Transactional
    public UnsubscribeTokens.Unsubscribe unsubscribe(String token) {
        UnsubscribeTokens.Unsubscribe unsubscribe =
                tokens.read(token).orElseThrow(InvalidUnsubscribeTokenException::new);
        optOuts.optOut(unsubscribe.recipient(), unsubscribe.kind(), clock.instant());
        return unsubscribe;
    }

    /** Whether a token is valid, without acting on it (the page a link opens). */
    public boolean valid(String token) {
        return tokens.read(token).isPresent();
    }

    /** A transactional kind cannot be turned off. */
    static void requireOptional(NotificationKind kind, String field) {
        if (kind.transactional()) {
            throw new RuleViolationException(field, kind + " is transactional and cannot be turned off");
        }
    }
}
