package se.techtank.notifications;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * An SMTP server for the failure cases a real one cannot be told to produce: it speaks the protocol over TCP
 * (the mailer under test talks to it as to any server), accepts every message unless told otherwise, answers
 * RCPT for addresses starting with {@code refused-} with {@code 550 5.1.1}, and while {@link #stop()}ped
 * closes every connection at once, as a server that is down or restarting does. Keeps what it accepted.
 */
public final class ScriptedSmtp implements AutoCloseable {

    /**
     * Quarkus loads a test class and its profile in different class loaders, each with its own statics: the
     * one server registers itself with the JVM's MBean server, and every other copy of this class controls it
     * through that (as {@code TcpProxy.shared} does).
     */
    private static final String NAME = "se.techtank.testing:type=ScriptedSmtp";

    private final ServerSocket server;
    private final AtomicBoolean down = new AtomicBoolean();
    private final List<String[]> accepted = new CopyOnWriteArrayList<>();

    /** One message it accepted: the envelope recipient and the raw message (headers and body). */
    record Accepted(String recipient, String data) {}

    /** What the copies in other class loaders call. */
    public interface ControlMBean {
        int getPort();

        void stop();

        void start();

        String[] accepted(String recipient);
    }

    private ScriptedSmtp(ServerSocket server) {
        this.server = server;
    }

    /** The JVM's one server, started on first use. */
    static ControlMBean get() {
        MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
        synchronized (NAME.intern()) {
            try {
                ObjectName name = new ObjectName(NAME);
                if (!beans.isRegistered(name)) {
                    ScriptedSmtp smtp = new ScriptedSmtp(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
                    Thread acceptor = new Thread(smtp::accept, "scripted-smtp");
                    acceptor.setDaemon(true);
                    acceptor.start();
                    beans.registerMBean(new StandardMBean(smtp.control(), ControlMBean.class), name);
                }
                return remote(beans, name);
            } catch (JMException | IOException e) {
                throw new IllegalStateException("Could not start the scripted SMTP server", e);
            }
        }
    }

    /** The messages accepted for {@code recipient}, through any copy's control. */
    static List<Accepted> acceptedFor(ControlMBean control, String recipient) {
        String[] data = control.accepted(recipient);
        return java.util.Arrays.stream(data)
                .map(d -> new Accepted(recipient, d))
                .toList();
    }

    private static ControlMBean remote(MBeanServer beans, ObjectName name) {
        return new ControlMBean() {
            @Override
            public int getPort() {
                return (Integer) call(() -> beans.getAttribute(name, "Port"));
            }

            @Override
            public void stop() {
                call(() -> beans.invoke(name, "stop", new Object[0], new String[0]));
            }

            @Override
            public void start() {
                call(() -> beans.invoke(name, "start", new Object[0], new String[0]));
            }

            @Override
            public String[] accepted(String recipient) {
                return (String[]) call(() -> beans.invoke(
                        name, "accepted", new Object[] {recipient}, new String[] {String.class.getName()}));
            }
        };
    }

    private interface Call {
        Object run() throws JMException;
    }

    private static Object call(Call call) {
        try {
            return call.run();
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private ControlMBean control() {
        return new ControlMBean() {
            @Override
            public int getPort() {
                return server.getLocalPort();
            }

            @Override
            public void stop() {
                down.set(true);
            }

            @Override
            public void start() {
                down.set(false);
            }

            @Override
            public String[] accepted(String recipient) {
                return accepted.stream()
                        .filter(a -> recipient.equalsIgnoreCase(a[0]))
                        .map(a -> a[1])
                        .toArray(String[]::new);
            }
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (down.get()) {
                    socket.close();
                    continue;
                }
                Thread session = new Thread(() -> converse(socket), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted-smtp ready");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (down.get()) {
                    return;
                }
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted-smtp");
                    case "MAIL", "NOOP" -> reply(out, "250 OK");
                    case "RSET" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        String address = line.replaceAll("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1");
                        if (address.toLowerCase().startsWith("refused-")) {
                            reply(out, "550 5.1.1 <" + address + ">: mailbox unavailable");
                        } else {
                            recipient = address;
                            reply(out, "250 OK");
                        }
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        String dataLine;
                        while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                            data.append(dataLine).append('\n');
                        }
                        accepted.add(new String[] {recipient, data.toString()});
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away, or the server is stopping.
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
