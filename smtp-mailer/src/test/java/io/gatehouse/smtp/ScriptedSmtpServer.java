package io.gatehouse.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A tiny SMTP server on an ephemeral loopback port whose replies a test scripts: per recipient (RCPT TO), per
 * sender (MAIL FROM) and per message (the reply to the end of DATA, by the message's number across all
 * connections, counting from 1). It keeps the envelopes of the messages it acknowledged with 250.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    /** A message the server accepted. */
    record Received(String from, List<String> recipients, String data) {
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger dataCount = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Function<String, String> mailReply = from -> "250 2.1.0 Sender OK";
    private volatile Function<String, String> rcptReply = to -> "250 2.1.5 Recipient OK";
    private volatile IntFunction<String> dataReply = n -> "250 2.0.0 Ok: queued as Q" + n;

    ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    ScriptedSmtpServer onMail(Function<String, String> reply) {
        this.mailReply = reply;
        return this;
    }

    ScriptedSmtpServer onRcpt(Function<String, String> reply) {
        this.rcptReply = reply;
        return this;
    }

    ScriptedSmtpServer onData(IntFunction<String> reply) {
        this.dataReply = reply;
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "scripted-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.ISO_8859_1)); OutputStream out = s.getOutputStream()) {
            reply(out, "220 scripted.test ESMTP");
            String from = null;
            List<String> rcpts = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    reply(out, "250-scripted.test\r\n250 8BITMIME");
                } else if (upper.startsWith("HELO") || upper.startsWith("NOOP")) {
                    reply(out, "250 OK");
                } else if (upper.startsWith("MAIL FROM:")) {
                    String r = mailReply.apply(address(line));
                    from = r.startsWith("250") ? address(line) : null;
                    rcpts.clear();
                    reply(out, r);
                } else if (upper.startsWith("RCPT TO:")) {
                    String r = rcptReply.apply(address(line));
                    if (r.startsWith("25")) {
                        rcpts.add(address(line));
                    }
                    reply(out, r);
                } else if (upper.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    StringBuilder data = new StringBuilder();
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        data.append(d).append("\r\n");
                    }
                    String r = dataReply.apply(dataCount.incrementAndGet());
                    if (r.startsWith("250") && from != null) {
                        received.add(new Received(from, List.copyOf(rcpts), data.toString()));
                    }
                    from = null;
                    rcpts.clear();
                    reply(out, r);
                } else if (upper.equals("RSET")) {
                    from = null;
                    rcpts.clear();
                    reply(out, "250 OK");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 Command not implemented");
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static String address(String command) {
        int open = command.indexOf('<');
        int close = command.indexOf('>', open);
        return open >= 0 && close > open ? command.substring(open + 1, close) : command.substring(command.indexOf(':') + 1);
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
