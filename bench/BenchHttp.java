// A lean HTTP/1.1 client for the load drivers (bench/SearchLoad.java, bench/RegistrationLoad.java): one
// persistent connection per client thread, blocking I/O, request bytes written in one go. The JDK's
// java.net.http.HttpClient spent 0.7 ms of CPU per listing request and 1.3 ms per registration on the
// two cores it shares with the service and PostgreSQL (docs/benchmarks.md), a quarter of the machine;
// this one spends a small fraction of that, so that the benchmark measures the service, not its driver.
//
// Understands what the services answer: a status line, headers, and a body with Content-Length or
// chunked transfer coding. Reconnects when the server closes the connection. Not thread-safe: one per
// client thread.
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public final class BenchHttp implements Closeable {

    /** A response: status and body bytes. */
    public record Response(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public BenchHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort() == -1 ? 80 : base.getPort();
        this.hostHeader = host + ":" + port;
    }

    /**
     * Sends one request and reads the whole response. {@code pathAndQuery} starts with a slash;
     * {@code headers} are complete header lines without line ends ("Authorization: Bearer …").
     */
    public Response send(String method, String pathAndQuery, byte[] body, String... headers) throws IOException {
        byte[] request = request(method, pathAndQuery, body, headers);
        for (int attempt = 0; ; attempt++) {
            boolean reused = socket != null;
            try {
                connect();
                out.write(request);
                out.flush();
                return read();
            } catch (IOException e) {
                close();
                // A kept-alive connection the server closed in the meantime: once more on a new one.
                if (!reused || attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private byte[] request(String method, String pathAndQuery, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(256)
                .append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            return start;
        }
        byte[] all = new byte[start.length + body.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(body, 0, all, start.length, body.length);
        return all;
    }

    private void connect() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP response: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {}
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = chunkSize(); size > 0; size = chunkSize()) {
                all.write(in.readNBytes(size));
                line(); // the chunk's line end
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("Response body cut short");
            }
        } else {
            body = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body);
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    /** One header line, without its CR LF (ISO-8859-1, as HTTP/1.1 headers are). */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); ; c = in.read()) {
            if (c < 0) {
                throw new EOFException("Connection closed by the server");
            }
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
