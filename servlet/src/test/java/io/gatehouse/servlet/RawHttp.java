package io.gatehouse.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request target byte for byte, as no well-behaved client library would (backslashes, {@code ..;},
 * raw control characters), over a plain or TLS socket, and reads the whole answer.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** The answer: status code and everything after the status line. */
    record Response(int status, String rest) {
    }

    static Response get(TestApp app, String target, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost:")
                .append(app.port()).append("\r\nConnection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = open(app)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!answer.startsWith("HTTP/1.1 ")) {
                throw new IllegalStateException("Not an HTTP answer to " + target + ": " + answer);
            }
            return new Response(Integer.parseInt(answer.substring(9, 12)), answer.substring(12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket open(TestApp app) throws IOException {
        if (app.options.tls) {
            Socket socket = TestTls.clientContext().getSocketFactory().createSocket();
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 10_000);
            return socket;
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 10_000);
        return socket;
    }
}
