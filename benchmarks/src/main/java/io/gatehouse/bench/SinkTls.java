package io.gatehouse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the {@link SmtpSink}: a fresh self-signed EC certificate for {@code localhost} (made with the JDK's
 * {@code keytool}, valid two days, in a temporary file deleted at once), the server's {@link SSLContext}, and a
 * client socket factory trusting exactly that certificate, which both Gatehouse's mailer and Spring's sender use.
 *
 * @param server the sink's TLS context
 * @param clientSockets sockets for the clients, trusting the sink's certificate only
 */
record SinkTls(SSLContext server, SSLSocketFactory clientSockets) {
    private static final char[] PASSWORD = "benchmark-only".toCharArray();

    /**
     * Makes the certificate and both contexts.
     *
     * @return the TLS material
     */
    static SinkTls create() {
        try {
            KeyStore keys = generate();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            Certificate certificate = keys.getCertificate("sink");
            trust.setCertificateEntry("sink", certificate);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return new SinkTls(server, client.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not set up TLS for the SMTP sink: " + e.getMessage(), e);
        }
    }

    private static KeyStore generate() throws IOException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("smtp-sink-tls");
        Path file = dir.resolve("sink.p12");
        try {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "sink", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + new String(output, java.nio.charset.StandardCharsets.UTF_8));
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                keys.load(in, PASSWORD);
            }
            return keys;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool.", e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
