package se.techtank.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An embedded SMTP server (GreenMail) on 127.0.0.1:2525 in the launcher's JVM. Every mail delivered is
 * logged (time, recipient, subject) to {@code .local/logs/smtp.log} and saved as an {@code .eml} file in
 * {@code .local/mail/}; nothing leaves the machine.
 */
final class Smtp implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final int PORT = 2525;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail greenMail;
    private final Path logFile;
    private final Path mailDir;
    private final AtomicInteger count = new AtomicInteger();

    private Smtp(GreenMail greenMail, Path logFile, Path mailDir) {
        this.greenMail = greenMail;
        this.logFile = logFile;
        this.mailDir = mailDir;
    }

    static Smtp start(Path logFile, Path mailDir) throws IOException {
        Files.createDirectories(mailDir);
        GreenMail greenMail = new GreenMail(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP));
        Smtp smtp = new Smtp(greenMail, logFile, mailDir);
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler delivery = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            smtp.record(message.getMessage(), recipient.getEmail());
            return delivery.handle(message, recipient);
        });
        greenMail.start();
        smtp.append("SMTP server listening on " + HOST + ":" + PORT + "; one line per delivered mail");
        return smtp;
    }

    private void record(MimeMessage message, String recipient) {
        String subject;
        try {
            subject = message.getSubject();
        } catch (MessagingException e) {
            subject = "(unreadable subject: " + e.getMessage() + ")";
        }
        String file = String.format(
                "%s-%03d-%s.eml",
                LocalDateTime.now().format(FILE_TIME),
                count.incrementAndGet() % 1000,
                recipient.replaceAll("[^A-Za-z0-9@._-]", "_"));
        append("to=" + recipient + " subject=\"" + subject + "\" file=" + mailDir.resolve(file));
        try (OutputStream out = Files.newOutputStream(mailDir.resolve(file))) {
            message.writeTo(out);
        } catch (IOException | MessagingException e) {
            append("  could not save " + file + ": " + e.getMessage());
        }
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(
                    logFile,
                    LocalDateTime.now().format(TIME) + " " + line + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a convenience; delivery goes on
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
