package se.techtank.notifications.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import se.techtank.notifications.domain.Contact;
import se.techtank.notifications.domain.ContactRepository;
import se.techtank.notifications.domain.NotificationKind;
import se.techtank.notifications.domain.OptOutRepository;
import se.techtank.platform.problem.FieldError;
import se.techtank.platform.problem.NotFoundException;
import se.techtank.platform.problem.RuleViolationException;
import se.techtank.platform.problem.StaleVersionException;
import se.techtank.platform.security.Caller;

/**
 * A contact person's optional kinds, on or off. Staff see and change anyone's; a member its own company's
 * contacts only (anyone else's is not found). Transactional kinds are always on and cannot be changed.
 */
@ApplicationScoped
public class Preferences {

    /** The kinds a person may turn off. */
    public static final List<NotificationKind> OPTIONAL = Arrays.stream(NotificationKind.values())
            .filter(k -> !k.transactional())
            .toList();

    private final ContactRepository contacts;
    private final OptOutRepository optOuts;
    private final Caller caller;
    private final Clock clock = Clock.systemUTC();

    Preferences(ContactRepository contacts, OptOutRepository optOuts, Caller caller) {
        this.contacts = contacts;
        this.optOuts = optOuts;
        this.caller = caller;
    }

    /** A contact's preferences and their version (changes whenever a kind is turned on or off). */
    public record Choices(UUID contactId, Map<NotificationKind, Boolean> kinds, long version) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Choices get(UUID contactId) {
        visible(contactId);
        return choices(contactId);
    }

    /**
     * Sets the optional kinds given; the others keep their state. {@code expectedVersion} must be the
     * current one (If-Match).
     */
    @Transactional
    public Choices change(UUID contactId, Map<String, Boolean> kinds, long expectedVersion) {
        visible(contactId);
        Map<NotificationKind, Boolean> wanted = parse(kinds);
        if (choices(contactId).version() != expectedVersion) {
            throw new StaleVersionException("Notification preferences", contactId);
        }
        String recipient = "contact:" + contactId;
        wanted.forEach((kind, enabled) -> {
            if (enabled) {
                optOuts.optIn(recipient, kind);
            } else {
                optOuts.optOut(recipient, kind, clock.instant());
            }
        });
        return choices(contactId);
    }

    private Choices choices(UUID contactId) {
        Set<NotificationKind> off = optOuts.optedOut("contact:" + contactId);
        Map<NotificationKind, Boolean> kinds = new EnumMap<>(NotificationKind.class);
        OPTIONAL.forEach(kind -> kinds.put(kind, !off.contains(kind)));
        CRC32 crc = new CRC32();
        off.forEach(kind -> crc.update(kind.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return new Choices(contactId, kinds, crc.getValue());
    }

    private static Map<NotificationKind, Boolean> parse(Map<String, Boolean> kinds) {
        List<FieldError> errors = new ArrayList<>();
        Map<NotificationKind, Boolean> parsed = new EnumMap<>(NotificationKind.class);
        if (kinds == null) {
            throw new RuleViolationException("kinds", "must not be null");
        }
        kinds.forEach((name, enabled) -> {
            NotificationKind kind;
            try {
                kind = NotificationKind.valueOf(name);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kinds." + name, "is not a notification kind; optional ones: " + OPTIONAL));
                return;
            }
            if (kind.transactional()) {
                errors.add(new FieldError("kinds." + name, "is transactional: always sent, cannot be turned off"));
            } else if (enabled == null) {
                errors.add(new FieldError("kinds." + name, "must be true or false"));
            } else {
                parsed.put(kind, enabled);
            }
        });
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        return parsed;
    }

    /** The contact, if the caller may see it: staff any, a member its own company's; else not found. */
    private Contact visible(UUID contactId) {
        Contact contact = contacts.findById(contactId);
        if (contact == null || !(caller.isStaff() || caller.isMemberOf(contact.companyId()))) {
            throw new NotFoundException("Contact", contactId);
        }
        return contact;
    }
}
