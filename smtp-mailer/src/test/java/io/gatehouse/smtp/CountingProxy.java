package io.gatehouse.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on an ephemeral loopback port in front of a real server: counts the connections it accepts,
 * records what clients send, and can cut a connection right after the server acknowledged the Nth message.
 */
final class CountingProxy implements AutoCloseable {
    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger accepted = new AtomicInteger();
    private final StringBuffer clientBytes = new StringBuffer();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile int cutAfter = -1;
    private volatile int connectionsToCut;
    private volatile boolean swallowReply;

    CountingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Cuts each of the next {@code connections} connections once the server acknowledged {@code n} messages. */
    CountingProxy cutAfterMessages(int n, int connections) {
        this.cutAfter = n;
        this.connectionsToCut = connections;
        return this;
    }

    /**
     * Cuts the next connection after the client sent the whole of message {@code n}, swallowing the server's
     * acknowledgement: the server has the message, the client cannot know.
     */
    CountingProxy cutBeforeAcknowledging(int n) {
        this.swallowReply = true;
        return cutAfterMessages(n, 1);
    }

    int port() {
        return server.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    /** Everything clients sent, as Latin-1 text. */
    String clientBytes() {
        return clientBytes.toString();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                boolean cut = cutAfter >= 0 && connectionsToCut > 0;
                if (cut) {
                    connectionsToCut--;
                }
                Link link = new Link(client, upstream, cut ? cutAfter : -1);
                start(() -> link.clientToServer(), "proxy-c2s");
                start(() -> link.serverToClient(), "proxy-s2c");
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** One proxied connection. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        private final int cutAfter;
        private volatile boolean cutPending;
        private int messages;
        private int matched;

        Link(Socket client, Socket upstream, int cutAfter) {
            this.client = client;
            this.upstream = upstream;
            this.cutAfter = cutAfter;
        }

        void clientToServer() {
            byte[] buf = new byte[8192];
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    clientBytes.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    for (int i = 0; i < n; i++) {
                        matched = buf[i] == END_OF_DATA[matched] ? matched + 1 : buf[i] == END_OF_DATA[0] ? 1 : 0;
                        if (matched == END_OF_DATA.length) {
                            matched = 0;
                            messages++;
                            // Set before forwarding, so the server's reply to this message finds it set.
                            cutPending |= messages == cutAfter;
                        }
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // connection closed
            } finally {
                closeBoth();
            }
        }

        void serverToClient() {
            byte[] buf = new byte[8192];
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    boolean acknowledgement = cutPending
                            && new String(buf, 0, n, StandardCharsets.ISO_8859_1).startsWith("250");
                    if (!(acknowledgement && swallowReply)) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                    if (acknowledgement) {
                        return;
                    }
                }
            } catch (IOException e) {
                // connection closed
            } finally {
                closeBoth();
            }
        }

        private void closeBoth() {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(CountingProxy::closeQuietly);
    }
}
