package io.gatehouse.smtp;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The test keys under src/test/resources/tls: trust stores for clients, SSL contexts for test servers. */
final class TestTls {
    private static final char[] PASSWORD = "changeit".toCharArray();

    private TestTls() {
    }

    /** A trust store holding only the localhost test certificate. */
    static KeyStore localhostTrust() {
        return trustOf("localhost.p12", "localhost");
    }

    /** A trust store holding only the certificate made out to mail.example.org. */
    static KeyStore otherNameTrust() {
        return trustOf("other-name.p12", "other");
    }

    static SSLContext localhostServer() {
        return server("localhost.p12");
    }

    static SSLContext otherNameServer() {
        return server("other-name.p12");
    }

    private static KeyStore keys(String file) {
        try (InputStream in = TestTls.class.getResourceAsStream("/tls/" + file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read test key " + file, e);
        }
    }

    private static KeyStore trustOf(String file, String alias) {
        try {
            Certificate cert = keys(file).getCertificate(alias);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(alias, cert);
            return trust;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build trust store from " + file, e);
        }
    }

    private static SSLContext server(String file) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys(file), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build server TLS from " + file, e);
        }
    }
}
