package se.techtank.platform.testing;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail) per JVM on a free port of 127.0.0.1, started on first use and
 * stopped when the JVM exits. It accepts mail for any address without authentication.
 */
public final class TestSmtp {

    private static final String HOST = "127.0.0.1";

    private static volatile TestSmtp instance;

    private final GreenMail greenMail;

    private TestSmtp(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** The SMTP server of this JVM, started on the first call. Thread-safe. */
    public static TestSmtp get() {
        TestSmtp current = instance;
        if (current != null) {
            return current;
        }
        synchronized (TestSmtp.class) {
            if (instance == null) {
                GreenMail greenMail = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
                greenMail.start();
                Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "techtank-test-smtp-stop"));
                instance = new TestSmtp(greenMail);
            }
            return instance;
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    /** The messages delivered to {@code address} (an SMTP envelope recipient: To, Cc or Bcc), oldest first. */
    public List<MimeMessage> messagesTo(String address) {
        return greenMail
                .findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
                .toList();
    }

    /** Deletes every received message. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("Could not purge the test SMTP server's mailboxes", e);
        }
    }

    @Override
    public String toString() {
        return "TestSmtp[" + HOST + ":" + port() + "]";
    }
}
