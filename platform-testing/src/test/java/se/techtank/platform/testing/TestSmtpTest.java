package se.techtank.platform.testing;

import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSmtpTest {

    @Test
    void a_message_sent_over_smtp_is_in_the_recipients_inbox_until_purged() throws Exception {
        TestSmtp smtp = TestSmtp.get();
        String to = "anna." + UUID.randomUUID() + "@member.example";
        String bcc = "archive." + UUID.randomUUID() + "@techtank.example";

        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("noreply@techtank.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setRecipient(Message.RecipientType.BCC, new InternetAddress(bcc));
        message.setSubject("Välkommen till branschträffen");
        message.setText("Hej Anna!", "UTF-8");
        Transport.send(message);

        List<MimeMessage> received = smtp.messagesTo(to);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("Välkommen till branschträffen");
        assertThat(((String) received.get(0).getContent()).trim()).isEqualTo("Hej Anna!");
        assertThat(smtp.messagesTo(bcc)).hasSize(1);
        assertThat(smtp.messagesTo("nobody@member.example")).isEmpty();
        assertThat(smtp.greenMail().getReceivedMessages()).isNotEmpty();

        smtp.purge();

        assertThat(smtp.messagesTo(to)).isEmpty();
    }
}
