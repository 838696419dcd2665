package org.msapp.adapters.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A TCP proxy for tests, between a client (the pool) and a server (PostgreSQL), that a test can
 * break and mend. It listens on 127.0.0.1 on a random port and forwards each connection to the
 * target with a pair of daemon threads, one per direction; threads block on the sockets or on this
 * proxy's monitor, never spin.
 * <ul>
 *   <li>{@link #cut()}: the server is dead: every open connection is closed, and each new one is
 *       reset as soon as it arrives (the listening socket stays bound, so the port stays ours).</li>
 *   <li>{@link #stall()}: the server hangs: connections stay open and new ones are accepted (and
 *       opened to the target), but no byte moves in either direction.</li>
 *   <li>{@link #restore()}: forwarding again; held bytes move on, new connections work.</li>
 * </ul>
 * At most {@link #MAX_CONNECTIONS} connections are open at once; more are reset.
 */
public final class TcpProxy implements AutoCloseable {
    public static final int MAX_CONNECTIONS = 64;

    private enum State { FORWARDING, STALLED, CUT, CLOSED }

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Set<Socket> open = new HashSet<>();   // guarded by this
    private State state = State.FORWARDING;            // guarded by this

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.acceptor = daemon("tcp-proxy-accept-" + port(), this::acceptLoop);
        acceptor.start();
    }

    /** A proxy to {@code host:port}, forwarding. */
    public static TcpProxy to(String host, int port) {
        try {
            return new TcpProxy(host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1", e);
        }
    }

    /** The port the proxy listens on, on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every connection, and resets new ones until {@link #restore()}. */
    public void cut() {
        List<Socket> toClose;
        synchronized (this) {
            if (state == State.CLOSED) return;
            state = State.CUT;
            toClose = List.copyOf(open);
            open.clear();
            notifyAll();
        }
        toClose.forEach(TcpProxy::reset);
    }

    /** Forwards nothing, in either direction, on open and new connections, until {@link #restore()}. */
    public synchronized void stall() {
        if (state == State.CLOSED) return;
        state = State.STALLED;
    }

    /** Forwards again. */
    public synchronized void restore() {
        if (state == State.CLOSED) return;
        state = State.FORWARDING;
        notifyAll();
    }

    @Override
    public void close() {
        List<Socket> toClose;
        synchronized (this) {
            state = State.CLOSED;
            toClose = List.copyOf(open);
            open.clear();
            notifyAll();
        }
        quietly(listener);
        toClose.forEach(TcpProxy::quietly);
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;   // the listener was closed
            }
            synchronized (this) {
                if (state == State.CLOSED) {
                    quietly(client);
                    return;
                }
                if (state == State.CUT || open.size() / 2 >= MAX_CONNECTIONS) {
                    reset(client);
                    continue;
                }
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(targetHost, targetPort), 1_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
            } catch (IOException e) {
                reset(client);
                quietly(server);
                continue;
            }
            synchronized (this) {
                if (state == State.CUT || state == State.CLOSED) {
                    reset(client);
                    quietly(server);
                    continue;
                }
                open.add(client);
                open.add(server);
            }
            String name = "tcp-proxy-" + port() + "-" + client.getPort();
            daemon(name + "-up", () -> pump(client, server)).start();
            daemon(name + "-down", () -> pump(server, client)).start();
        }
    }

    /** Copies {@code from} to {@code to} while forwarding; on end of stream or failure closes both. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                if (!awaitForwarding()) break;
                int n = in.read(buffer);
                if (n < 0) break;
                if (!awaitForwarding()) break;
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // closed by the other pump, by cut() or close(), or by a peer: nothing to forward any more
        } finally {
            synchronized (this) {
                open.remove(from);
                open.remove(to);
            }
            quietly(from);
            quietly(to);
        }
    }

    /** Waits while stalled; false once the connection must go (cut or closed). */
    private synchronized boolean awaitForwarding() {
        try {
            while (state == State.STALLED) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return state == State.FORWARDING;
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Closes with an RST rather than a FIN, as a host whose server process has died answers. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        quietly(socket);
    }

    private static void quietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
