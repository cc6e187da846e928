// Load driver of bench/notifications-delivery.sh, compiled together with bench/BenchHttp.java,
// bench/BenchLoad.java, bench/RegistrationLoad.java (meetings are created with its `meeting` command) and
// bench/SmtpSink.java, and run as `java -cp CLASSES NotificationLoad ...`:
//
//   NotificationLoad open BASE_URL MEETING_ID RATE SECONDS WORKERS WARMUP SINK_LOG DRAIN_SECONDS LABEL
//       an open loop: anonymous registrations at RATE per second for SECONDS seconds (after WARMUP unmeasured
//       ones at the same rate, without a pause), each with an e-mail address of its own, from up to WORKERS
//       requests in flight (BenchLoad.runOpenLoop); then waits until the SMTP sink has accepted the
//       confirmation mail of every measured registration, at most DRAIN_SECONDS after the last was sent.
//       Prints the HTTP latency and the mail latency (from the moment a registration was due to be sent to
//       the sink's 250 after DATA for its address), both counted from the intended send time, and how many
//       mails are missing
//   NotificationLoad burst BASE_URL MEETING_ID CLIENTS COUNT SINK_LOG DRAIN_SECONDS LABEL
//       COUNT registrations at once from CLIENTS closed-loop clients; then waits (at most DRAIN_SECONDS after
//       the last answer) until every confirmation mail arrived, and prints the mails per second from the
//       first to the last accepted mail and the mean size of those mails
//   NotificationLoad direct SMTP_PORT COUNT THREADS SIZE SINK_LOG LABEL
//       the sink's own ceiling: COUNT messages of about SIZE bytes (text, HTML and an .ics attachment, like
//       the confirmations) sent straight to the sink on 127.0.0.1:SMTP_PORT by a plain-socket SMTP client
//       from THREADS threads, one connection each (MAIL, RCPT, DATA per message); prints the mails per second
//       from the first to the last accepted one, as the sink recorded them
//
// The sink's log (bench/SmtpSink.java) has one line per accepted message: Unix time in microseconds, the
// recipient, the size. This driver reads it as it grows. Every address carries LABEL and a nonce, so a
// run sees its own mails only (the demo data's mails and earlier runs' go to the same sink). Each command
// ends with a RESULT line; with BENCH_ANSWERS set, `open` writes one line per measured registration into the
// file it names: "intended send time (µs from the start) HTTP latency (µs) mail latency (µs, -1: missing)".
// Exits 1 if a registration was not answered 201 or a mail is missing.
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

public class NotificationLoad {

    static final long BASE_NANOS = System.nanoTime();
    static final long BASE_MICROS = SmtpSink.micros(Instant.now());

    /** Unix time in microseconds of a System.nanoTime() value of this JVM. */
    static long epochMicros(long nanos) {
        return BASE_MICROS + (nanos - BASE_NANOS) / 1000;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "open" -> open(rest);
            case "burst" -> burst(rest);
            case "direct" -> direct(rest);
            default -> usage();
        }
    }

    static void usage() {
        System.err.println("""
                usage: NotificationLoad open   BASE_URL MEETING_ID RATE SECONDS WORKERS WARMUP SINK_LOG DRAIN_SECONDS LABEL
                       NotificationLoad burst  BASE_URL MEETING_ID CLIENTS COUNT SINK_LOG DRAIN_SECONDS LABEL
                       NotificationLoad direct SMTP_PORT COUNT THREADS SIZE SINK_LOG LABEL""");
        System.exit(2);
    }

    // ------------------------------------------------------------------------------------------- the sink

    /** The sink's log, read as it grows: for the addresses containing {@code marker}, when and how big. */
    static final class SinkLog {
        private final Path file;
        private final String marker;
        private long offset;
        private final StringBuilder partial = new StringBuilder();
        final Map<String, long[]> seen = new HashMap<>(); // address -> {micros, size}

        SinkLog(Path file, String marker) {
            this.file = file;
            this.marker = marker;
        }

        /** Reads what was appended since the last call. */
        void poll() throws IOException {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                if (length <= offset) {
                    return;
                }
                byte[] bytes = new byte[(int) (length - offset)];
                raf.seek(offset);
                raf.readFully(bytes);
                offset = length;
                partial.append(new String(bytes, StandardCharsets.UTF_8));
            }
            int start = 0;
            for (int nl = partial.indexOf("\n"); nl >= 0; nl = partial.indexOf("\n", start)) {
                String line = partial.substring(start, nl);
                start = nl + 1;
                String[] f = line.split(" ");
                if (f.length == 3 && f[1].contains(marker)) {
                    seen.putIfAbsent(f[1], new long[] {Long.parseLong(f[0]), Long.parseLong(f[2])});
                }
            }
            partial.delete(0, start);
        }

        /** Polls every 20 ms until {@code count} of the marked addresses arrived or {@code deadlineNanos}. */
        void await(int count, long deadlineNanos) throws IOException, InterruptedException {
            poll();
            while (seen.size() < count && System.nanoTime() < deadlineNanos) {
                Thread.sleep(20);
                poll();
            }
        }

        /** "mails/s first..last (n mails in s), mean size" of what arrived. */
        long[] span() {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long bytes = 0;
            for (long[] v : seen.values()) {
                first = Math.min(first, v[0]);
                last = Math.max(last, v[0]);
                bytes += v[1];
            }
            return new long[] {first, last, seen.isEmpty() ? 0 : bytes / seen.size()};
        }
    }

    static String address(String label, String nonce, int i) {
        return "bench." + label + "." + nonce + "." + i + "@deltagare.example.se";
    }

    /** One anonymous registration; its latency from {@code fromNanos} (the intended or the actual send time). */
    static BenchLoad.Answer register(BenchHttp http, String meetingId, String email, int i, long fromNanos) {
        String name = RegistrationLoad.FIRST_NAMES[i % RegistrationLoad.FIRST_NAMES.length] + " "
                + RegistrationLoad.LAST_NAMES[(i / RegistrationLoad.FIRST_NAMES.length) % RegistrationLoad.LAST_NAMES.length];
        byte[] body = ("{\"attendee\":{\"name\":\"" + name + "\",\"email\":\"" + email
                + "\",\"language\":\"sv\"},\"attendeeListConsent\":true}").getBytes(StandardCharsets.UTF_8);
        int status;
        try {
            status = http.send("POST", "/api/v1/meetings/" + meetingId + "/registrations", body,
                    "Content-Type: application/json", "Accept: application/json").status();
        } catch (IOException e) {
            status = -1;
        }
        return new BenchLoad.Answer(status, "HTTP " + status, 0, System.nanoTime() - fromNanos, fromNanos);
    }

    // ------------------------------------------------------------------------------------------- open loop

    static void open(String[] args) throws Exception {
        if (args.length < 9) {
            usage();
        }
        URI base = URI.create(args[0].replaceAll("/$", ""));
        String meetingId = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int workers = Integer.parseInt(args[4]);
        int warmUps = Integer.parseInt(args[5]);
        Path sinkLog = Path.of(args[6]);
        int drainSeconds = Integer.parseInt(args[7]);
        String label = args[8];
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        int count = (int) Math.round(rate * seconds);
        BenchLoad.Answer[] answers = new BenchLoad.Answer[count];
        long[] intended = new long[count];
        BenchLoad.OpenRun open = BenchLoad.runOpenLoop(base, rate, workers,
                warmUps, (i, due, http) -> register(http, meetingId, address(label + "-warm-up", nonce, i), i, due),
                count, (i, due, http) -> {
                    intended[i] = due;
                    answers[i] = register(http, meetingId, address(label, nonce, i), i, due);
                },
                () -> System.out.printf(Locale.ROOT,
                        "Registrations: %d at %.0f/s for %d s (open loop, up to %d in flight), meeting %s, after %d unmeasured%n",
                        count, rate, seconds, workers, meetingId, warmUps));
        BenchLoad.Run run = open.run();
        SinkLog sink = new SinkLog(sinkLog, "bench." + label + "." + nonce + ".");
        sink.await(count, System.nanoTime() + drainSeconds * 1_000_000_000L);
        long drained = System.nanoTime();

        long[] http = new long[count];
        long[] mail = new long[count];
        int mails = 0;
        int created = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            http[i] = answers[i].nanos();
            statuses.merge(answers[i].status(), 1, Integer::sum);
            created += answers[i].status() == 201 ? 1 : 0;
            long[] got = sink.seen.get(address(label, nonce, i));
            long latency = got == null ? -1 : (got[0] - epochMicros(intended[i])) * 1000;
            if (got != null) {
                mail[mails++] = latency;
            }
            lines.append((intended[i] - run.startedNanos()) / 1000).append(' ').append(http[i] / 1000).append(' ')
                    .append(latency < 0 ? -1 : latency / 1000).append('\n');
        }
        long[] mailSorted = BenchLoad.sorted(Arrays.copyOf(mail, mails));
        long[] httpSorted = BenchLoad.sorted(http);
        int missing = count - mails;
        BenchLoad.header("from intended send");
        BenchLoad.print("registration HTTP", http);
        BenchLoad.print("confirmation mail", mailSorted);
        System.out.printf(Locale.ROOT, "Sent %d registrations in %.2f s (%.1f/s); status codes %s; largest wait for a worker %.1f ms, %d waited over 10 ms%n",
                count, run.seconds(), count / run.seconds(), statuses, open.maxLagNanos() / 1e6, open.lateSends());
        System.out.printf(Locale.ROOT, "Mails: %d of %d accepted by the sink, %d missing %.1f s after the last answer; mean size %d bytes%n",
                mails, count, missing, (drained - run.endedNanos()) / 1e9, sink.span()[2]);
        // When the slow mails' registrations were due, in 1 s windows: a backlog shows as a run of windows.
        TreeMap<Long, Integer> slow = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            long[] got = sink.seen.get(address(label, nonce, i));
            if (got == null || (got[0] - epochMicros(intended[i])) > 150_000) {
                slow.merge((intended[i] - run.startedNanos()) / 1_000_000_000L, 1, Integer::sum);
            }
        }
        StringBuilder moments = new StringBuilder();
        slow.forEach((second, n) -> moments.append(' ').append(second).append(" s: ").append(n).append(';'));
        System.out.printf(Locale.ROOT, "Mails later than 150 ms (or missing), by when the registration was due (from %d ms Unix time):%s%n",
                run.startedMillis(), moments.length() == 0 ? " none" : moments);
        BenchLoad.printDriver(run, count);
        String file = System.getenv("BENCH_ANSWERS");
        if (file != null && !file.isBlank()) {
            Files.writeString(Path.of(file), lines);
        }
        System.out.printf(Locale.ROOT,
                "RESULT http_p50_ms=%.1f http_p99_ms=%.1f mail_p50_ms=%.1f mail_p99_ms=%.1f mail_max_ms=%.1f mails=%d missing=%d sent_rps=%.1f max_lag_ms=%.1f driver_cpu_s=%.2f%n",
                BenchLoad.percentile(httpSorted, 50), BenchLoad.percentile(httpSorted, 99),
                BenchLoad.percentile(mailSorted, 50), BenchLoad.percentile(mailSorted, 99),
                mails == 0 ? 0 : mailSorted[mails - 1] / 1e6, mails, missing, count / run.seconds(),
                open.maxLagNanos() / 1e6, run.cpuNanos() / 1e9);
        System.exit(created == count && missing == 0 ? 0 : 1);
    }

    // ----------------------------------------------------------------------------------------------- burst

    static void burst(String[] args) throws Exception {
        if (args.length < 7) {
            usage();
        }
        URI base = URI.create(args[0].replaceAll("/$", ""));
        String meetingId = args[1];
        int clients = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        Path sinkLog = Path.of(args[4]);
        int drainSeconds = Integer.parseInt(args[5]);
        String label = args[6];
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        BenchLoad.Answer[] answers = new BenchLoad.Answer[count];
        BenchLoad.Run run = BenchLoad.runClients(base, clients, 0, (i, h) -> {}, count,
                (i, h) -> answers[i] = register(h, meetingId, address(label, nonce, i), i, System.nanoTime()),
                () -> System.out.printf(Locale.ROOT, "Registrations: %d at once from %d clients, meeting %s%n", count,
                        clients, meetingId));
        SinkLog sink = new SinkLog(sinkLog, "bench." + label + "." + nonce + ".");
        sink.await(count, System.nanoTime() + drainSeconds * 1_000_000_000L);
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] http = new long[count];
        int created = 0;
        for (int i = 0; i < count; i++) {
            http[i] = answers[i].nanos();
            statuses.merge(answers[i].status(), 1, Integer::sum);
            created += answers[i].status() == 201 ? 1 : 0;
        }
        long[] span = sink.span();
        int mails = sink.seen.size();
        double mailSeconds = mails < 2 ? 0 : (span[1] - span[0]) / 1e6;
        double mailRate = mailSeconds > 0 ? (mails - 1) / mailSeconds : 0;
        long startedMicros = run.startedMillis() * 1000;
        BenchLoad.header("registrations");
        BenchLoad.print("HTTP", http);
        System.out.printf(Locale.ROOT, "Registrations: %.0f/s (%d in %.2f s); status codes %s%n", count / run.seconds(), count,
                run.seconds(), statuses);
        System.out.printf(Locale.ROOT,
                "Mails: %d of %d, %d missing; %.1f mails/s from the first to the last accepted (%.2f s); first %.2f s and last %.2f s after the first registration was sent; mean size %d bytes%n",
                mails, count, count - mails, mailRate, mailSeconds, (span[0] - startedMicros) / 1e6,
                (span[1] - startedMicros) / 1e6, span[2]);
        BenchLoad.printDriver(run, count);
        System.out.printf(Locale.ROOT,
                "RESULT mails_per_s=%.1f mails=%d missing=%d mail_span_s=%.2f first_mail_s=%.2f last_mail_s=%.2f registrations_rps=%.0f http_p99_ms=%.1f mean_size=%d%n",
                mailRate, mails, count - mails, mailSeconds, (span[0] - startedMicros) / 1e6, (span[1] - startedMicros) / 1e6,
                count / run.seconds(), BenchLoad.percentile(BenchLoad.sorted(http), 99), span[2]);
        System.exit(created == count && mails == count ? 0 : 1);
    }

    // ---------------------------------------------------------------------------------------------- direct

    /**
     * A confirmation-like message of about {@code size} bytes: text and HTML alternatives and an .ics
     * attachment in base64, as the service's mailer writes them.
     */
    static String message(String to, int i, int size) {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Techtank//bench//SV\r\n"
                + "METHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:bench-" + i + "@events.techtank.se\r\nSEQUENCE:0\r\n"
                + "DTSTAMP:20261204T120000Z\r\nDTSTART:20270108T070000Z\r\nDTEND:20270108T090000Z\r\n"
                + "SUMMARY:Branschträff Karlshamn\r\nLOCATION:Konferenscentrum Karlshamn\\, Storgatan 1\\, Karlshamn\r\n"
                + "DESCRIPTION:Frukostmöte om automation och digitalisering för tillverkande företag i Karlshamn.\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n");
        String text = "Hej!\r\n\r\nDu är anmäld till Branschträff Karlshamn, fredag 8 januari 2027 kl. 08:00–10:00,\r\n"
                + "Konferenscentrum Karlshamn, Storgatan 1, Karlshamn.\r\n\r\nKan du inte komma? Avanmäl dig här:\r\n"
                + "http://127.0.0.1:8082/api/v1/registrations/cancel/bench-" + i + "\r\n\r\nVälkommen!\r\nTechtank\r\n";
        String head = "From: Techtank <noreply@techtank.se>\r\nTo: " + to + "\r\nSubject: =?UTF-8?Q?Du_=C3=A4r_anm=C3=A4ld?=\r\n"
                + "Message-ID: <bench-" + i + "@notifications.techtank.se>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"mixed\"\r\n\r\n"
                + "--mixed\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                + "--alt\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text
                + "--alt\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><body><p>"
                + text.replace("\r\n", "<br>\r\n") + "</p>";
        String tail = "</body></html>\r\n--alt--\r\n--mixed\r\nContent-Type: text/calendar; method=PUBLISH; charset=UTF-8; name=inbjudan.ics\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=inbjudan.ics\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(ics.toString().getBytes(StandardCharsets.UTF_8)) + "\r\n--mixed--\r\n";
        StringBuilder pad = new StringBuilder();
        int missing = size - head.getBytes(StandardCharsets.UTF_8).length - tail.length();
        while (pad.length() < missing - 80) {
            pad.append("\r\n<p style=\"margin:0 0 12px 0;font-family:Arial,sans-serif;font-size:14px\">&nbsp;</p>");
        }
        return head + pad + tail;
    }

    static void direct(String[] args) throws Exception {
        if (args.length < 6) {
            usage();
        }
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        Path sinkLog = Path.of(args[4]);
        String label = args[5];
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        byte[][] messages = new byte[count][];
        for (int i = 0; i < count; i++) {
            messages[i] = (message(address(label, nonce, i), i, size).replace("\r\n.", "\r\n..") + "\r\n.\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                try (Socket socket = new Socket()) {
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    socket.setSoTimeout(30_000);
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    expect(in, "220");
                    command(in, out, "EHLO bench-direct", "250");
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        command(in, out, "MAIL FROM:<noreply@techtank.se>", "250");
                        command(in, out, "RCPT TO:<" + address(label, nonce, i) + ">", "250");
                        command(in, out, "DATA", "354");
                        out.write(messages[i]);
                        out.flush();
                        expect(in, "250");
                    }
                    command(in, out, "QUIT", "221");
                } catch (IOException e) {
                    failed.incrementAndGet();
                    System.err.println("direct: " + e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double clientSeconds = (System.nanoTime() - started) / 1e9;
        SinkLog sink = new SinkLog(sinkLog, "bench." + label + "." + nonce + ".");
        sink.await(count, System.nanoTime() + 10_000_000_000L);
        long[] span = sink.span();
        int mails = sink.seen.size();
        double mailSeconds = mails < 2 ? 0 : (span[1] - span[0]) / 1e6;
        double mailRate = mailSeconds > 0 ? (mails - 1) / mailSeconds : 0;
        System.out.printf(Locale.ROOT,
                "Sink ceiling: %d messages of %d bytes from %d threads (plain-socket SMTP client, one connection each) in %.2f s; the sink accepted %d, %.1f mails/s from the first to the last (%.2f s); %d threads failed%n",
                count, span[2], threads, clientSeconds, mails, mailRate, mailSeconds, failed.get());
        System.out.printf(Locale.ROOT, "RESULT mails_per_s=%.1f mails=%d missing=%d mean_size=%d%n", mailRate, mails,
                count - mails, span[2]);
        System.exit(mails == count ? 0 : 1);
    }

    private static void command(InputStream in, OutputStream out, String command, String code) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    /** Reads a reply (all its lines) and fails unless it starts with {@code code}. */
    private static void expect(InputStream in, String code) throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed, expected " + code);
                }
                line.append((char) c);
            }
            if (!line.toString().startsWith(code)) {
                throw new IOException("expected " + code + ", got " + line.toString().strip());
            }
            if (line.length() < 4 || line.charAt(3) != '-') {
                return;
            }
        }
    }
}
