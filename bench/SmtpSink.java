// The SMTP server of bench/notifications-delivery.sh: a sink that accepts every message and keeps none.
// notifications-service sends to it (SMTP_HOST=127.0.0.1, SMTP_PORT=PORT), and so does the sink's own
// ceiling test (NotificationLoad direct). Run as `java -cp CLASSES SmtpSink PORT LOG_FILE`.
//
// It speaks what the services' mailer (Vert.x's mail client, pooled connections) and a plain client need:
// EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no STARTTLS, no AUTH, no PIPELINING advertised. One thread
// per connection. For each accepted message it appends a line to LOG_FILE, written and flushed once the
// final "250" after DATA has been sent:
//
//   <Unix time of that 250, in microseconds> <first RCPT address, lower case> <message size in bytes>
//
// The load driver (bench/NotificationLoad.java) reads the file as it grows to see when each address got its
// mail. The time is wall-clock time (Instant.now(), microseconds on Linux), which the driver's JVM reads from
// the same clock.
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

public final class SmtpSink {

    private final BufferedWriter log;

    private SmtpSink(BufferedWriter log) {
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SmtpSink PORT LOG_FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        BufferedWriter log = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        SmtpSink sink = new SmtpSink(log);
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            System.out.println("SMTP sink listening on 127.0.0.1:" + port + ", log " + args[1]);
            System.out.flush();
            while (true) {
                Socket socket = server.accept();
                Thread thread = new Thread(() -> sink.serve(socket), "smtp-" + socket.getPort());
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = socket.getOutputStream();
            reply(out, "220 bench-sink ESMTP");
            String rcpt = null;
            while (true) {
                String line = line(in);
                if (line == null) {
                    return;
                }
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-bench-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO" -> reply(out, "250 bench-sink");
                    case "MAIL", "RSET" -> {
                        rcpt = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        if (rcpt == null) {
                            int lt = line.indexOf('<');
                            int gt = line.indexOf('>', lt + 1);
                            rcpt = (lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(8).trim())
                                    .toLowerCase(Locale.ROOT);
                        }
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        long size = 0;
                        for (String data = line(in); data != null && !data.equals("."); data = line(in)) {
                            size += data.length() + 2;
                        }
                        reply(out, "250 OK queued");
                        long micros = micros(Instant.now());
                        synchronized (log) {
                            log.write(micros + " " + rcpt + " " + size + "\n");
                            log.flush();
                        }
                        rcpt = null;
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line without its CR LF (ISO-8859-1), or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
    }
}
