package io.gatehouse.examples.config;

import io.gatehouse.InvalidInputException;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.smtp.SmtpSecurity;
import io.gatehouse.smtp.SmtpSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What the demo and the command-line tool are configured with. Each setting is read from a system property
 * ({@code gatehouse.db.url}) or, failing that, from the environment variable of the same name in upper case
 * with underscores ({@code GATEHOUSE_DB_URL}):
 *
 * <ul>
 *   <li>{@code gatehouse.data.dir}: where the file database and the secret key live; default {@code ./data}</li>
 *   <li>{@code gatehouse.db.url}, {@code .user}, {@code .password}: the JDBC database; default an H2 file
 *       database in the data directory, opened in mixed mode so the demo and the tool can share it</li>
 *   <li>{@code gatehouse.secret.key}: the server secret, base64 (at least 32 bytes); default a random key
 *       created once in {@code secret.key} in the data directory, readable by its owner only</li>
 *   <li>{@code gatehouse.base.url}: the public URL links in mail point to; default {@code http://localhost:PORT}</li>
 *   <li>{@code gatehouse.http.port}: the demo's HTTP port; default 8080</li>
 *   <li>{@code gatehouse.smtp.*}: an external SMTP server (see {@link SmtpSettings#fromMap}), for example
 *       {@code gatehouse.smtp.preset=gmail}; without any, mail goes to the demo's embedded SMTP inbox on
 *       {@code 127.0.0.1} port {@code gatehouse.inbox.port} (default 2525)</li>
 * </ul>
 *
 * <p>Security note: {@link #toString()} leaves out the secret key and every password.
 */
public final class DemoSettings {
    /** The demo's HTTP port unless {@code gatehouse.http.port} says otherwise. */
    public static final int DEFAULT_HTTP_PORT = 8080;
    /** The embedded SMTP inbox's port unless {@code gatehouse.inbox.port} says otherwise. */
    public static final int DEFAULT_INBOX_PORT = 2525;
    private static final String SMTP_PREFIX = "gatehouse.smtp.";

    private static final String SMTP_ENV_PREFIX = "GATEHOUSE_SMTP_";

    private final Map<String, String> values;
    /** SMTP variables keep their environment names: SmtpSettings maps them (a dot per underscore would not). */
    private final Map<String, String> smtpEnvironment;

    private DemoSettings(Map<String, String> values, Map<String, String> smtpEnvironment) {
        this.values = Map.copyOf(values);
        this.smtpEnvironment = Map.copyOf(smtpEnvironment);
    }

    /**
     * Reads the settings of this process: system properties over environment variables.
     *
     * @return the settings
     */
    public static DemoSettings fromSystem() {
        return from(System.getProperties(), System.getenv());
    }

    /**
     * Reads settings from the given sources; properties win over the environment.
     *
     * @param properties settings named like {@code gatehouse.db.url}
     * @param environment settings named like {@code GATEHOUSE_DB_URL}
     * @return the settings
     */
    public static DemoSettings from(Properties properties, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        Map<String, String> smtpEnvironment = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(SMTP_ENV_PREFIX)) {
                smtpEnvironment.put(name, value);
            } else if (name.startsWith("GATEHOUSE_")) {
                merged.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("gatehouse.")) {
                merged.put(name, properties.getProperty(name));
            }
        }
        return new DemoSettings(merged, smtpEnvironment);
    }

    /**
     * A copy with one setting replaced, as a command-line flag does.
     *
     * @param name the setting, like {@code gatehouse.db.url}
     * @param value its value
     * @return the new settings
     */
    public DemoSettings with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new DemoSettings(copy, smtpEnvironment);
    }

    /**
     * The folder for the file database and the secret key.
     *
     * @return the data directory
     */
    public Path dataDir() {
        return Path.of(values.getOrDefault("gatehouse.data.dir", "data")).toAbsolutePath().normalize();
    }

    /**
     * The JDBC URL of the database.
     *
     * @return the URL
     */
    public String databaseUrl() {
        String url = values.get("gatehouse.db.url");
        return url != null ? url : "jdbc:h2:file:" + dataDir().resolve("gatehouse") + ";AUTO_SERVER=TRUE";
    }

    /**
     * The database user.
     *
     * @return the user; {@code sa} for the default H2 database
     */
    public String databaseUser() {
        return values.getOrDefault("gatehouse.db.user", values.containsKey("gatehouse.db.url") ? "" : "sa");
    }

    /**
     * The database password.
     *
     * @return the password, possibly empty
     */
    public String databasePassword() {
        return values.getOrDefault("gatehouse.db.password", "");
    }

    /**
     * The demo's HTTP port.
     *
     * @return the port
     * @throws InvalidInputException naming {@code gatehouse.http.port} when it is not a port number
     */
    public int httpPort() {
        return port("gatehouse.http.port", DEFAULT_HTTP_PORT);
    }

    /**
     * The embedded SMTP inbox's port, used when no external SMTP server is configured.
     *
     * @return the port
     * @throws InvalidInputException naming {@code gatehouse.inbox.port} when it is not a port number
     */
    public int inboxPort() {
        return port("gatehouse.inbox.port", DEFAULT_INBOX_PORT);
    }

    /**
     * The public URL that links in mail start with.
     *
     * @return the base URL, without a trailing slash
     * @throws InvalidInputException naming {@code gatehouse.base.url} when it is not an absolute http(s) URL
     */
    public String baseUrl() {
        String url = values.getOrDefault("gatehouse.base.url", "http://localhost:" + httpPort());
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("gatehouse.base.url", "invalid", "gatehouse.base.url is not a URL: " + url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidInputException("gatehouse.base.url", "invalid",
                    "gatehouse.base.url must be an absolute http or https URL, was " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Whether mail goes to an external SMTP server rather than the embedded inbox.
     *
     * @return true when any {@code gatehouse.smtp.*} property or {@code GATEHOUSE_SMTP_*} variable is present
     */
    public boolean usesExternalSmtp() {
        return hasSmtpProperties() || !smtpEnvironment.isEmpty();
    }

    private boolean hasSmtpProperties() {
        return values.keySet().stream().anyMatch(k -> k.startsWith(SMTP_PREFIX));
    }

    /**
     * The SMTP settings: the external server's when configured (the {@code gatehouse.smtp.*} properties when
     * there are any, else the {@code GATEHOUSE_SMTP_*} variables), else the embedded inbox on
     * {@code 127.0.0.1:}{@link #inboxPort()}, in plain text (it never leaves this machine).
     *
     * @return the SMTP settings
     * @throws InvalidInputException naming the setting that is wrong
     */
    public SmtpSettings smtp() {
        if (!hasSmtpProperties() && !smtpEnvironment.isEmpty()) {
            return SmtpSettings.fromEnvironment(smtpEnvironment);
        }
        if (usesExternalSmtp()) {
            Map<String, String> smtp = new HashMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(SMTP_PREFIX)) {
                    smtp.put(k, v);
                }
            });
            return SmtpSettings.fromMap(smtp);
        }
        return SmtpSettings.builder().host("127.0.0.1").port(inboxPort()).security(SmtpSecurity.NONE)
                .defaultFrom("Gatehouse demo <noreply@gatehouse.localhost>").build();
    }

    /**
     * The server's secret key: {@code gatehouse.secret.key}, or the key file in the data directory, created
     * with a fresh random key the first time.
     *
     * @param random the source for a new key
     * @return the key ring
     * @throws InvalidInputException naming {@code gatehouse.secret.key} when the key is too short or malformed
     */
    public SecretKeyRing secretKey(SecureRandom random) {
        String configured = values.get("gatehouse.secret.key");
        if (configured != null) {
            try {
                return SecretKeyRing.fromBase64(configured);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("gatehouse.secret.key", "invalid", "gatehouse.secret.key is not "
                        + "usable: " + e.getMessage() + " Generate one with: head -c 32 /dev/urandom | base64");
            }
        }
        Path file = dataDir().resolve("secret.key");
        try {
            if (!Files.exists(file)) {
                createKeyFile(file, random);
            }
            return SecretKeyRing.fromBase64(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the secret key file " + file + ".", e);
        }
    }

    private static void createKeyFile(Path file, SecureRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        random.nextBytes(key);
        Path temp = Files.createTempFile(file.getParent(), "secret", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the folder's own permissions apply.
            }
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n");
            try {
                Files.move(temp, file);
            } catch (FileAlreadyExistsException e) {
                // Another process (the tool beside the demo) created it first; use theirs.
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private int port(String name, int fallback) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(raw.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new InvalidInputException(name, "invalid", name + " must be a port number from 0 to 65535, was " + raw);
    }

    @Override
    public String toString() {
        return "DemoSettings[db=" + databaseUrl() + ", dataDir=" + dataDir() + ", smtp="
                + (usesExternalSmtp() ? "external" : "embedded inbox on port " + inboxPort()) + "]";
    }
}
