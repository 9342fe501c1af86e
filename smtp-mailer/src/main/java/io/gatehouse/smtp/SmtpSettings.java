package io.gatehouse.smtp;

import io.gatehouse.mail.MailAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Where and how {@link SmtpMailer} sends: host, port, security, credentials, timeouts and the default sender.
 * Immutable and thread-safe. Built from code with {@link #builder()}, or read from properties or the
 * environment, where every key is optional but the host (or a preset):
 *
 * <table>
 *   <caption>Settings keys</caption>
 *   <tr><th>property</th><th>environment</th><th>value</th></tr>
 *   <tr><td>{@code gatehouse.smtp.preset}</td><td>{@code GATEHOUSE_SMTP_PRESET}</td>
 *       <td>{@code gmail}, {@code naver} or {@code ses} (see {@link SmtpPreset})</td></tr>
 *   <tr><td>{@code gatehouse.smtp.ses.region}</td><td>{@code GATEHOUSE_SMTP_SES_REGION}</td>
 *       <td>the AWS region of preset {@code ses}, e.g. {@code eu-west-1}</td></tr>
 *   <tr><td>{@code gatehouse.smtp.host}</td><td>{@code GATEHOUSE_SMTP_HOST}</td><td>host name or address</td></tr>
 *   <tr><td>{@code gatehouse.smtp.port}</td><td>{@code GATEHOUSE_SMTP_PORT}</td>
 *       <td>1 to 65535; default 25, 587 or 465 by security</td></tr>
 *   <tr><td>{@code gatehouse.smtp.security}</td><td>{@code GATEHOUSE_SMTP_SECURITY}</td>
 *       <td>{@code none}, {@code starttls} (default) or {@code ssl}</td></tr>
 *   <tr><td>{@code gatehouse.smtp.username}</td><td>{@code GATEHOUSE_SMTP_USERNAME}</td>
 *       <td>login name; with a password, or neither</td></tr>
 *   <tr><td>{@code gatehouse.smtp.password}</td><td>{@code GATEHOUSE_SMTP_PASSWORD}</td>
 *       <td>password or app password</td></tr>
 *   <tr><td>{@code gatehouse.smtp.from}</td><td>{@code GATEHOUSE_SMTP_FROM}</td>
 *       <td>default sender, e.g. {@code Gatehouse <no-reply@example.com>}</td></tr>
 *   <tr><td>{@code gatehouse.smtp.timeout.connect}</td><td>{@code GATEHOUSE_SMTP_TIMEOUT_CONNECT}</td>
 *       <td>{@code 500ms}, {@code 10s}, {@code 1m} or ISO-8601 {@code PT10S}; default 10s</td></tr>
 *   <tr><td>{@code gatehouse.smtp.timeout.read}</td><td>{@code GATEHOUSE_SMTP_TIMEOUT_READ}</td>
 *       <td>as above; default 30s</td></tr>
 *   <tr><td>{@code gatehouse.smtp.timeout.write}</td><td>{@code GATEHOUSE_SMTP_TIMEOUT_WRITE}</td>
 *       <td>as above; default 30s</td></tr>
 *   <tr><td>{@code gatehouse.smtp.check-server-identity}</td><td>{@code GATEHOUSE_SMTP_CHECK_SERVER_IDENTITY}</td>
 *       <td>{@code true} (default) or {@code false}</td></tr>
 *   <tr><td>{@code gatehouse.smtp.truststore}</td><td>{@code GATEHOUSE_SMTP_TRUSTSTORE}</td>
 *       <td>path of a PKCS12 or JKS file of trusted certificates, for a private CA</td></tr>
 *   <tr><td>{@code gatehouse.smtp.truststore.password}</td><td>{@code GATEHOUSE_SMTP_TRUSTSTORE_PASSWORD}</td>
 *       <td>its password, if it has one</td></tr>
 * </table>
 *
 * <p>Blank values count as absent. An unknown key under {@code gatehouse.smtp.} (or {@code GATEHOUSE_SMTP_}) is an
 * error, so a misspelt key never goes unnoticed. Every bad value is an
 * {@link io.gatehouse.InvalidInputException} whose {@code field()} is the key as written.
 *
 * <p>Security note: {@link #toString()} shows whether a password is set, never the password.
 */
public final class SmtpSettings {
    /** Connect timeout when none is set: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read timeout (per server reply) when none is set: 30 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Write timeout when none is set: 30 seconds. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** The longest timeout accepted: 10 minutes. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private final String host;
    private final int port;
    private final SmtpSecurity security;
    private final @Nullable String username;
    private final @Nullable String password;
    private final @Nullable MailAddress defaultFrom;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final boolean checkServerIdentity;
    private final @Nullable SSLSocketFactory sslSocketFactory;
    private final @Nullable String presetName;

    SmtpSettings(String host, int port, SmtpSecurity security, @Nullable String username, @Nullable String password,
            @Nullable MailAddress defaultFrom, Duration[] timeouts, boolean checkServerIdentity,
            @Nullable SSLSocketFactory sslSocketFactory, @Nullable String presetName) {
        this.host = host;
        this.port = port;
        this.security = security;
        this.username = username;
        this.password = password;
        this.defaultFrom = defaultFrom;
        this.connectTimeout = timeouts[0];
        this.readTimeout = timeouts[1];
        this.writeTimeout = timeouts[2];
        this.checkServerIdentity = checkServerIdentity;
        this.sslSocketFactory = sslSocketFactory;
        this.presetName = presetName;
    }

    /**
     * Starts settings in code. Not thread-safe; the settings it builds are.
     *
     * @return an empty builder
     */
    public static SmtpSettingsBuilder builder() {
        return new SmtpSettingsBuilder();
    }

    /**
     * Reads the {@code gatehouse.smtp.*} keys of a properties object; other keys are ignored.
     *
     * <pre>{@code
     * Properties p = new Properties();
     * p.load(reader);
     * SmtpMailer mailer = SmtpMailer.create(SmtpSettings.fromProperties(p));
     * }</pre>
     *
     * @param properties the properties
     * @return the settings
     * @throws io.gatehouse.InvalidInputException naming the key of the first bad or missing value
     */
    public static SmtpSettings fromProperties(Properties properties) {
        Objects.requireNonNull(properties, "properties");
        Map<String, String> map = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            map.put(name, properties.getProperty(name));
        }
        return fromMap(map);
    }

    /**
     * Reads the {@code gatehouse.smtp.*} keys of a map, such as an application's configuration; other keys are
     * ignored.
     *
     * @param map keys to values
     * @return the settings
     * @throws io.gatehouse.InvalidInputException naming the key of the first bad or missing value
     */
    public static SmtpSettings fromMap(Map<String, String> map) {
        return SettingsParser.properties().parse(Objects.requireNonNull(map, "map"));
    }

    /**
     * Reads the {@code GATEHOUSE_SMTP_*} variables of an environment; other variables are ignored.
     *
     * <pre>{@code
     * SmtpSettings settings = SmtpSettings.fromEnvironment(System.getenv());
     * }</pre>
     *
     * @param environment variable names to values, such as {@link System#getenv()}
     * @return the settings
     * @throws io.gatehouse.InvalidInputException naming the variable of the first bad or missing value
     */
    public static SmtpSettings fromEnvironment(Map<String, String> environment) {
        return SettingsParser.environment().parse(Objects.requireNonNull(environment, "environment"));
    }

    /**
     * The server's host.
     *
     * @return e.g. {@code smtp.gmail.com}
     */
    public String host() {
        return host;
    }

    /**
     * The server's port.
     *
     * @return 1 to 65535
     */
    public int port() {
        return port;
    }

    /**
     * How the connection is protected.
     *
     * @return the security
     */
    public SmtpSecurity security() {
        return security;
    }

    /**
     * The login name.
     *
     * @return the username, or empty when the server is used without authentication
     */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /**
     * Tells whether a password is set, without revealing it.
     *
     * @return true when the settings carry a password
     */
    public boolean hasPassword() {
        return password != null;
    }

    @Nullable String password() {
        return password;
    }

    /**
     * The sender of the test mail, and the sender an application may use for its own messages.
     *
     * @return the default From mailbox, or empty
     */
    public Optional<MailAddress> defaultFrom() {
        return Optional.ofNullable(defaultFrom);
    }

    /**
     * How long to wait for the TCP connection.
     *
     * @return a positive duration of at most {@link #MAX_TIMEOUT}
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for each server reply.
     *
     * @return a positive duration of at most {@link #MAX_TIMEOUT}
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * How long one write to the server may block.
     *
     * @return a positive duration of at most {@link #MAX_TIMEOUT}
     */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /**
     * Tells whether the server's certificate must name the host connected to (on by default).
     *
     * @return true unless explicitly switched off
     */
    public boolean checkServerIdentity() {
        return checkServerIdentity;
    }

    /**
     * Tells whether TLS trusts a configured trust store or socket factory instead of the JVM's default
     * certificate authorities.
     *
     * @return true when custom trust is configured
     */
    public boolean hasCustomTrust() {
        return sslSocketFactory != null;
    }

    @Nullable SSLSocketFactory sslSocketFactory() {
        return sslSocketFactory;
    }

    /**
     * The preset these settings started from.
     *
     * @return {@code gmail}, {@code naver} or {@code ses}, or empty
     */
    public Optional<String> presetName() {
        return Optional.ofNullable(presetName);
    }

    /**
     * The endpoint for messages: {@code host:port}.
     *
     * @return e.g. {@code smtp.gmail.com:587}
     */
    public String endpoint() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    /**
     * A summary for logs; the password is shown only as set or not.
     *
     * @return e.g. {@code SmtpSettings[smtp.gmail.com:587, STARTTLS, username=me@gmail.com, password=(set), ...]}
     */
    @Override
    public String toString() {
        return "SmtpSettings[" + endpoint() + ", " + security
                + (presetName == null ? "" : ", preset=" + presetName)
                + ", username=" + (username == null ? "(none)" : username)
                + ", password=" + (password == null ? "(none)" : "(set)")
                + ", from=" + (defaultFrom == null ? "(none)" : defaultFrom)
                + ", timeouts=" + Text.duration(connectTimeout) + "/" + Text.duration(readTimeout) + "/"
                + Text.duration(writeTimeout)
                + ", checkServerIdentity=" + checkServerIdentity
                + ", customTrust=" + hasCustomTrust() + "]";
    }
}
