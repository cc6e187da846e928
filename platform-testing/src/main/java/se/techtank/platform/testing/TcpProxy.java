package se.techtank.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * A loopback TCP proxy that a test can cut and restore: while cut, every open connection is closed and
 * every new one is closed at once, as if the server were unreachable (a broker gone, a database failing
 * over). Clients connect to {@link #address()} instead of the server.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    /** For a view of a proxy made in another class loader (see shared): where it is registered. */
    private final ObjectName registered;

    /** A proxy to {@code target} ({@code host:port}), reachable until {@link #cut()}. */
    public TcpProxy(String target) throws IOException {
        int colon = target.lastIndexOf(':');
        this.targetHost = target.substring(0, colon);
        this.targetPort = Integer.parseInt(target.substring(colon + 1));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.registered = null;
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private TcpProxy(ObjectName registered) {
        this.server = null;
        this.targetHost = null;
        this.targetPort = -1;
        this.registered = registered;
    }

    /** What a proxy shared across class loaders answers to, through the JVM's MBean server. */
    public interface ControlMBean {
        String getAddress();

        int getRefusedConnections();

        void cut();

        void restore();
    }

    /**
     * The JVM's one proxy called {@code name} to {@code target}, started on first use. Quarkus loads a test
     * and its test profile in more than one class loader, each with its own static fields: the proxy is
     * registered with the JVM's MBean server, so that what a test cuts is what the application connects
     * through, whichever class loader asks.
     */
    public static TcpProxy shared(String name, String target) {
        MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
        synchronized (SharedInJvm.lock("proxy." + name)) {
            try {
                ObjectName objectName = new ObjectName("se.techtank.testing:type=TcpProxy,name=" + name);
                if (beans.isRegistered(objectName)) {
                    return new TcpProxy(objectName);
                }
                TcpProxy proxy = new TcpProxy(target);
                ControlMBean control = new ControlMBean() {
                    @Override
                    public String getAddress() {
                        return proxy.address();
                    }

                    @Override
                    public int getRefusedConnections() {
                        return proxy.refusedConnections();
                    }

                    @Override
                    public void cut() {
                        proxy.cut();
                    }

                    @Override
                    public void restore() {
                        proxy.restore();
                    }
                };
                beans.registerMBean(new StandardMBean(control, ControlMBean.class), objectName);
                return proxy;
            } catch (JMException e) {
                throw new IllegalStateException("Could not share the proxy " + name, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Where clients connect: {@code 127.0.0.1:<port>}. */
    public String address() {
        if (registered != null) {
            return (String) attribute("Address");
        }
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** Closes every connection, and every new one until {@link #restore()}. */
    public void cut() {
        if (registered != null) {
            invoke("cut");
            return;
        }
        reachable.set(false);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    public void restore() {
        if (registered != null) {
            invoke("restore");
            return;
        }
        reachable.set(true);
    }

    /** How many connections were closed at once because the proxy was cut. */
    public int refusedConnections() {
        if (registered != null) {
            return (Integer) attribute("RefusedConnections");
        }
        return refused.get();
    }

    private Object attribute(String name) {
        try {
            return ManagementFactory.getPlatformMBeanServer().getAttribute(registered, name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private void invoke(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(registered, operation, new Object[0], new String[0]);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!reachable.get()) {
                    refused.incrementAndGet();
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                // closed, or the target refused: the client sees a dropped connection
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // connection ended
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "tcp-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Cuts and stops the proxy; a view of a shared one only cuts it (the proxy lives as long as the JVM). */
    @Override
    public void close() throws IOException {
        cut();
        if (registered == null) {
            server.close();
        }
    }
}
