package io.gatehouse.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * A minimal SMTP server on an ephemeral loopback port that accepts every message and throws it away, counting it,
 * as a relay would take it: no authentication, optionally STARTTLS ({@link SinkTls}), each reply written in one
 * segment with {@code TCP_NODELAY} (as Postfix does). The mail row's server.
 *
 * <p>Why not GreenMail: it writes its multi-line EHLO reply in several small segments without {@code TCP_NODELAY},
 * so on loopback every new connection waits about 40 ms for the client's delayed ACK, a stall of the test server
 * that would dominate the connection-per-message figure.
 *
 * <p>With {@code keep}, the sink also keeps each message's recipients and data (dot-stuffing undone), for tests.
 * Thread-safe; one thread per connection.
 */
final class SmtpSink implements AutoCloseable {
    private static final int MAX_LINE = 64 * 1024;

    private final ServerSocket server;
    private final ExecutorService threads;
    private final boolean keep;
    private final @Nullable SSLContext tls;
    private final AtomicLong tlsSessions = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final List<Received> kept = new ArrayList<>();

    private SmtpSink(boolean keep, @Nullable SSLContext tls) throws IOException {
        this.keep = keep;
        this.tls = tls;
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "smtp-sink");
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::accept);
    }

    /**
     * Starts a sink.
     *
     * @param keep whether to keep every message (for tests; a benchmark counts only)
     * @return the running sink
     */
    static SmtpSink start(boolean keep) {
        return start(keep, null);
    }

    /**
     * Starts a sink that offers STARTTLS.
     *
     * @param keep whether to keep every message (for tests; a benchmark counts only)
     * @param tls the server's TLS context, or null for plain SMTP only
     * @return the running sink
     */
    static SmtpSink start(boolean keep, @Nullable SSLContext tls) {
        try {
            return new SmtpSink(keep, tls);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the SMTP sink's port.", e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Messages accepted since start or the last {@link #clear}. */
    long received() {
        return received.get();
    }

    /** Connections accepted since start or the last {@link #clear}. */
    long connections() {
        return connections.get();
    }

    /** TLS handshakes completed since start or the last {@link #clear}. */
    long tlsSessions() {
        return tlsSessions.get();
    }

    /** The kept messages, when keeping. */
    synchronized List<Received> messages() {
        return List.copyOf(kept);
    }

    synchronized void clear() {
        kept.clear();
        received.set(0);
        connections.set(0);
        tlsSessions.set(0);
    }

    /**
     * One accepted message.
     *
     * @param recipients the RCPT TO addresses
     * @param data the message as sent, dot-stuffing undone
     */
    record Received(List<String> recipients, String data) {
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing a listening socket that is already closed or broken: nothing left to release.
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        Socket socket = plain;
        try (plain) {
            plain.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            reply(out, "220 sink ESMTP\r\n");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n"
                            + (tls != null && !(socket instanceof SSLSocket) ? "250-STARTTLS\r\n" : "")
                            + "250 SIZE 52428800\r\n");
                    case "STAR" -> {
                        if (tls == null || socket instanceof SSLSocket) {
                            reply(out, "502 5.5.1 Not offered\r\n");
                            continue;
                        }
                        reply(out, "220 2.0.0 Ready to start TLS\r\n");
                        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain,
                                plain.getInetAddress().getHostAddress(), plain.getPort(), true);
                        secure.setUseClientMode(false);
                        secure.startHandshake();
                        tlsSessions.incrementAndGet();
                        socket = secure;
                        in = new BufferedInputStream(secure.getInputStream());
                        out = new BufferedOutputStream(secure.getOutputStream());
                    }
                    case "HELO" -> reply(out, "250 sink\r\n");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 2.1.0 Ok\r\n");
                    }
                    case "RCPT" -> {
                        recipients.add(line.substring(line.indexOf(':') + 1).strip().replaceAll("^<|>$", ""));
                        reply(out, "250 2.1.5 Ok\r\n");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>\r\n");
                        String data = readData(in);
                        received.incrementAndGet();
                        if (keep) {
                            synchronized (this) {
                                kept.add(new Received(List.copyOf(recipients), data));
                            }
                        }
                        reply(out, "250 2.0.0 Ok: queued\r\n");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok\r\n");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye\r\n");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognized\r\n");
                }
            }
        } catch (SocketException e) {
            // The client went away, or the sink is closing.
        } catch (IOException e) {
            // A broken connection ends only itself.
        }
    }

    private String readData(InputStream in) throws IOException {
        StringBuilder data = keep ? new StringBuilder() : null;
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            if (data != null) {
                data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            }
        }
        return data == null ? "" : data.toString();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private static @Nullable String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("An SMTP line longer than " + MAX_LINE + " bytes.");
            }
            line.write(b);
        }
        return null;
    }
}
