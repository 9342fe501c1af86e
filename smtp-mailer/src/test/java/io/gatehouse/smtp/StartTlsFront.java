package io.gatehouse.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A STARTTLS front for GreenMail, whose SMTP server offers no STARTTLS: it greets, offers STARTTLS, upgrades the
 * client's connection to TLS with a test key, then relays the TLS session's plaintext to GreenMail's plain SMTP
 * port (the client's second EHLO, AUTH, MAIL... all reach GreenMail). Refuses everything else before TLS.
 */
final class StartTlsFront implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final SSLContext tls;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    StartTlsFront(int targetPort, SSLContext tls) throws IOException {
        this.targetPort = targetPort;
        this.tls = tls;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "starttls-front-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "starttls-front-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            write(out, "220 localhost ESMTP starttls-front");
            while (true) {
                String line = readLine(in);
                if (line == null) {
                    client.close();
                    return;
                }
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(java.util.Locale.ROOT);
                if (verb.equals("EHLO")) {
                    write(out, "250-localhost\r\n250 STARTTLS");
                } else if (verb.equals("HELO")) {
                    write(out, "250 localhost");
                } else if (line.equalsIgnoreCase("STARTTLS")) {
                    write(out, "220 Ready to start TLS");
                    relay(upgrade(client));
                    return;
                } else if (verb.equals("QUIT")) {
                    write(out, "221 Bye");
                    client.close();
                    return;
                } else {
                    write(out, "530 5.7.0 Must issue a STARTTLS command first");
                }
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private SSLSocket upgrade(Socket client) throws IOException {
        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(client,
                client.getInetAddress().getHostAddress(), client.getPort(), true);
        ssl.setUseClientMode(false);
        sockets.add(ssl);
        ssl.startHandshake();
        return ssl;
    }

    private void relay(SSLSocket client) throws IOException {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(upstream);
        InputStream upIn = upstream.getInputStream();
        // GreenMail's greeting was already given by the front; swallow it.
        String greeting;
        do {
            greeting = readLine(upIn);
        } while (greeting != null && greeting.startsWith("220-"));
        Thread back = new Thread(() -> pump(upIn, client), "starttls-front-s2c");
        back.setDaemon(true);
        back.start();
        pump(client.getInputStream(), upstream);
    }

    private void pump(InputStream in, Socket to) {
        byte[] buf = new byte[8192];
        try {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // closed
        } finally {
            closeQuietly(to);
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one CRLF line byte by byte, so nothing after it (the TLS handshake) is consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return null;
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
        sockets.forEach(StartTlsFront::closeQuietly);
    }
}
