package io.gatehouse.smtp;

import io.gatehouse.InvalidInputException;
import io.gatehouse.mail.MailAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link SmtpSettings}; start with {@link SmtpSettings#builder()}. Setters only store; {@link #build()}
 * checks everything and names the field of the first problem ({@code host}, {@code port}, {@code username},
 * {@code password}, {@code defaultFrom}, {@code connectTimeout}, {@code readTimeout}, {@code writeTimeout},
 * {@code trustStore}). Not thread-safe.
 *
 * <pre>{@code
 * SmtpSettings settings = SmtpSettings.builder()
 *         .host("mail.example.com")
 *         .security(SmtpSecurity.STARTTLS)
 *         .username("gatehouse")
 *         .password(System.getenv("SMTP_PASSWORD"))
 *         .defaultFrom("Gatehouse <no-reply@example.com>")
 *         .build();
 * }</pre>
 */
public final class SmtpSettingsBuilder {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:-]{1,253}");
    private static final int MAX_CREDENTIAL_LENGTH = 512;

    private @Nullable SmtpPreset preset;
    private @Nullable String host;
    private @Nullable Integer port;
    private @Nullable SmtpSecurity security;
    private @Nullable String username;
    private @Nullable String password;
    private @Nullable MailAddress defaultFrom;
    private @Nullable String defaultFromText;
    private Duration connectTimeout = SmtpSettings.DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = SmtpSettings.DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = SmtpSettings.DEFAULT_WRITE_TIMEOUT;
    private boolean checkServerIdentity = true;
    private @Nullable SSLSocketFactory sslSocketFactory;
    private @Nullable KeyStore trustStore;

    SmtpSettingsBuilder() {
    }

    /**
     * Takes host, port and security from a provider's preset; an explicit {@link #host}, {@link #port} or
     * {@link #security} wins, whatever the order of the calls.
     *
     * @param preset e.g. {@link SmtpPreset#gmail()}
     * @return this builder
     */
    public SmtpSettingsBuilder preset(SmtpPreset preset) {
        this.preset = Objects.requireNonNull(preset, "preset");
        return this;
    }

    /**
     * Sets the server's host.
     *
     * @param host a host name or an IP address
     * @return this builder
     */
    public SmtpSettingsBuilder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /**
     * Sets the port; without it, the preset's port or the security's default (25, 587, 465).
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public SmtpSettingsBuilder port(int port) {
        this.port = port;
        return this;
    }

    /**
     * Sets the connection security; without it, the preset's, else {@link SmtpSecurity#STARTTLS}.
     *
     * @param security the security
     * @return this builder
     */
    public SmtpSettingsBuilder security(SmtpSecurity security) {
        this.security = Objects.requireNonNull(security, "security");
        return this;
    }

    /**
     * Sets the login name; a username needs a password and the other way round.
     *
     * @param username the login name, e.g. {@code me@gmail.com}
     * @return this builder
     */
    public SmtpSettingsBuilder username(String username) {
        this.username = Objects.requireNonNull(username, "username");
        return this;
    }

    /**
     * Sets the password (for Gmail or Naver with two-factor authentication, an app password).
     *
     * @param password the password; never logged nor shown
     * @return this builder
     */
    public SmtpSettingsBuilder password(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    /**
     * Sets the default sender.
     *
     * @param mailbox the sender
     * @return this builder
     */
    public SmtpSettingsBuilder defaultFrom(MailAddress mailbox) {
        this.defaultFrom = Objects.requireNonNull(mailbox, "defaultFrom");
        this.defaultFromText = null;
        return this;
    }

    /**
     * Sets the default sender, parsed when {@link #build()} runs.
     *
     * @param mailbox {@code a@example.com} or {@code Name <a@example.com>}
     * @return this builder
     */
    public SmtpSettingsBuilder defaultFrom(String mailbox) {
        this.defaultFromText = Objects.requireNonNull(mailbox, "defaultFrom");
        this.defaultFrom = null;
        return this;
    }

    /**
     * Sets the connect timeout (default 10 seconds).
     *
     * @param timeout positive, at most 10 minutes
     * @return this builder
     */
    public SmtpSettingsBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout");
        return this;
    }

    /**
     * Sets how long to wait for each server reply (default 30 seconds).
     *
     * @param timeout positive, at most 10 minutes
     * @return this builder
     */
    public SmtpSettingsBuilder readTimeout(Duration timeout) {
        this.readTimeout = Objects.requireNonNull(timeout, "readTimeout");
        return this;
    }

    /**
     * Sets how long one write may block (default 30 seconds).
     *
     * @param timeout positive, at most 10 minutes
     * @return this builder
     */
    public SmtpSettingsBuilder writeTimeout(Duration timeout) {
        this.writeTimeout = Objects.requireNonNull(timeout, "writeTimeout");
        return this;
    }

    /**
     * Switches the check that the server's certificate names the host. Leave it on: without it, anyone who
     * holds any trusted certificate can pose as the mail server and read the password.
     *
     * @param check true (the default) to check
     * @return this builder
     */
    public SmtpSettingsBuilder checkServerIdentity(boolean check) {
        this.checkServerIdentity = check;
        return this;
    }

    /**
     * Trusts the certificates of a key store (a private CA, a test server) instead of the JVM's default
     * authorities. The server's identity is still checked.
     *
     * @param trustStore the trusted certificates
     * @return this builder
     */
    public SmtpSettingsBuilder trustStore(KeyStore trustStore) {
        this.trustStore = Objects.requireNonNull(trustStore, "trustStore");
        return this;
    }

    /**
     * Uses a socket factory for SSL and STARTTLS, with whatever trust and client certificates it carries. The
     * server's identity is still checked.
     *
     * @param factory the factory
     * @return this builder
     */
    public SmtpSettingsBuilder sslSocketFactory(SSLSocketFactory factory) {
        this.sslSocketFactory = Objects.requireNonNull(factory, "sslSocketFactory");
        return this;
    }

    /**
     * Checks the values and builds the settings.
     *
     * @return the settings
     * @throws InvalidInputException naming the field of the first bad or missing value
     */
    public SmtpSettings build() {
        return build(UnaryOperator.identity());
    }

    /** Builds, naming fields in messages through {@code name} (property keys, environment variables). */
    SmtpSettings build(UnaryOperator<String> name) {
        SmtpPreset p = preset;
        String h = checkHost(host != null ? host : p != null ? p.host() : null, name.apply("host"));
        SmtpSecurity sec = security != null ? security : p != null ? p.security() : SmtpSecurity.STARTTLS;
        int pt = port != null ? port : p != null && p.security() == sec ? p.port() : sec.defaultPort();
        if (pt < 1 || pt > 65535) {
            throw new InvalidInputException(name.apply("port"), "port_invalid",
                    "The SMTP port " + name.apply("port") + " must be between 1 and 65535, not " + pt + ".");
        }
        String user = username == null || username.isBlank() ? null : username.strip();
        String pass = password == null || password.isEmpty() ? null : password;
        checkCredentials(user, pass, name);
        Duration[] timeouts = {
            checkTimeout(connectTimeout, name.apply("connectTimeout")),
            checkTimeout(readTimeout, name.apply("readTimeout")),
            checkTimeout(writeTimeout, name.apply("writeTimeout"))};
        return new SmtpSettings(h, pt, sec, user, pass, from(name.apply("defaultFrom")), timeouts,
                checkServerIdentity, socketFactory(name.apply("trustStore")), p == null ? null : p.name());
    }

    private static String checkHost(@Nullable String host, String field) {
        if (host == null || host.isBlank()) {
            throw new InvalidInputException(field, "host_missing", "The SMTP host " + field
                    + " is missing: set it, or choose a preset (gmail, naver, ses).");
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (!HOST.matcher(h).matches()) {
            throw new InvalidInputException(field, "host_invalid", "The SMTP host " + field + " must be a host name or "
                    + "an IP address (letters, digits, dots, dashes), not '" + Text.printable(host) + "'.");
        }
        return h;
    }

    private static void checkCredentials(@Nullable String user, @Nullable String pass, UnaryOperator<String> name) {
        if (user != null && pass == null) {
            throw new InvalidInputException(name.apply("password"), "password_missing", "The SMTP username is set but "
                    + "the password " + name.apply("password") + " is not; set both, or neither for a server "
                    + "without authentication.");
        }
        if (pass != null && user == null) {
            throw new InvalidInputException(name.apply("username"), "username_missing", "The SMTP password is set but "
                    + "the username " + name.apply("username") + " is not; set both, or neither.");
        }
        if (user != null && (user.length() > MAX_CREDENTIAL_LENGTH || user.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidInputException(name.apply("username"), "username_invalid", "The SMTP username "
                    + name.apply("username") + " must be at most " + MAX_CREDENTIAL_LENGTH
                    + " characters without control characters.");
        }
        if (pass != null && (pass.length() > MAX_CREDENTIAL_LENGTH || pass.chars().anyMatch(Character::isISOControl))) {
            // The value itself is never repeated.
            throw new InvalidInputException(name.apply("password"), "password_invalid", "The SMTP password "
                    + name.apply("password") + " must be at most " + MAX_CREDENTIAL_LENGTH
                    + " characters without control characters (line breaks included).");
        }
    }

    private static Duration checkTimeout(Duration timeout, String field) {
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.compareTo(SmtpSettings.MAX_TIMEOUT) > 0) {
            throw new InvalidInputException(field, "timeout_invalid", "The SMTP timeout " + field
                    + " must be between 1ms and " + Text.duration(SmtpSettings.MAX_TIMEOUT) + ", not "
                    + timeout.toMillis() + "ms.");
        }
        return Duration.ofMillis(timeout.toMillis());
    }

    private @Nullable MailAddress from(String field) {
        if (defaultFromText == null || defaultFromText.isBlank()) {
            return defaultFrom;
        }
        try {
            return MailAddress.parse(defaultFromText);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, e.code(), "The default sender " + field
                    + " must be a mailbox such as 'Gatehouse <no-reply@example.com>' or 'no-reply@example.com', not '"
                    + Text.printable(defaultFromText) + "'.");
        }
    }

    private @Nullable SSLSocketFactory socketFactory(String field) {
        if (trustStore == null) {
            return sslSocketFactory;
        }
        if (sslSocketFactory != null) {
            throw new InvalidInputException(field, "trust_conflict",
                    "Set either a trust store or an SSL socket factory, not both.");
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException(field, "truststore_invalid", "The trust store " + field
                    + " cannot be used for TLS: " + e.getMessage());
        }
    }
}
