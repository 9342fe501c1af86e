package io.gatehouse.smtp;

import io.gatehouse.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@link SmtpSettings} from {@code gatehouse.smtp.*} properties or {@code GATEHOUSE_SMTP_*} variables. The
 * two share one list of keys; a variable's name is the key's suffix upper-cased, dots and dashes made
 * underscores.
 */
final class SettingsParser {
    /** Key suffixes, and the builder field each one feeds (for error messages from the builder). */
    private static final Map<String, String> FIELDS = fields();
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)", Pattern.CASE_INSENSITIVE);

    private final String prefix;
    private final boolean environment;

    private SettingsParser(String prefix, boolean environment) {
        this.prefix = prefix;
        this.environment = environment;
    }

    static SettingsParser properties() {
        return new SettingsParser("gatehouse.smtp.", false);
    }

    static SettingsParser environment() {
        return new SettingsParser("GATEHOUSE_SMTP_", true);
    }

    private static Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        for (String suffix : List.of("preset", "ses.region", "host", "port", "security", "username", "password",
                "from", "timeout.connect", "timeout.read", "timeout.write", "check-server-identity", "truststore",
                "truststore.password")) {
            f.put(suffix, switch (suffix) {
                case "from" -> "defaultFrom";
                case "timeout.connect" -> "connectTimeout";
                case "timeout.read" -> "readTimeout";
                case "timeout.write" -> "writeTimeout";
                case "truststore" -> "trustStore";
                default -> suffix;
            });
        }
        return f;
    }

    String key(String suffix) {
        return environment ? prefix + suffix.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')
                : prefix + suffix;
    }

    SmtpSettings parse(Map<String, String> source) {
        Map<String, String> values = collect(source);
        SmtpSettingsBuilder b = SmtpSettings.builder();
        String preset = values.get("preset");
        if (preset != null) {
            b.preset(preset(preset, values.get("ses.region")));
        } else if (values.containsKey("ses.region")) {
            throw new InvalidInputException(key("ses.region"), "preset_missing", key("ses.region")
                    + " is set but " + key("preset") + " is not; set " + key("preset") + "=ses to use Amazon SES.");
        }
        ifSet(values, "host", b::host);
        ifSet(values, "port", v -> b.port(port(v)));
        ifSet(values, "security", v -> b.security(security(v)));
        ifSet(values, "username", b::username);
        ifSet(values, "password", b::password);
        ifSet(values, "from", b::defaultFrom);
        ifSet(values, "timeout.connect", v -> b.connectTimeout(duration(v, "timeout.connect")));
        ifSet(values, "timeout.read", v -> b.readTimeout(duration(v, "timeout.read")));
        ifSet(values, "timeout.write", v -> b.writeTimeout(duration(v, "timeout.write")));
        ifSet(values, "check-server-identity", v -> b.checkServerIdentity(bool(v, "check-server-identity")));
        if (values.containsKey("truststore")) {
            b.trustStore(trustStore(values.get("truststore"), values.get("truststore.password")));
        } else if (values.containsKey("truststore.password")) {
            throw new InvalidInputException(key("truststore.password"), "truststore_missing",
                    key("truststore.password") + " is set but " + key("truststore") + " is not.");
        }
        UnaryOperator<String> names = field -> FIELDS.entrySet().stream().filter(e -> e.getValue().equals(field))
                .map(e -> key(e.getKey())).findFirst().orElse(field);
        return b.build(names);
    }

    /** The known keys' values by suffix, blank values left out; an unknown key under the prefix is an error. */
    private Map<String, String> collect(Map<String, String> source) {
        Map<String, String> bySuffix = new LinkedHashMap<>();
        for (String suffix : FIELDS.keySet()) {
            bySuffix.put(key(suffix), suffix);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : source.entrySet()) {
            String k = e.getKey();
            if (k == null || !k.startsWith(prefix)) {
                continue;
            }
            String suffix = bySuffix.get(k);
            if (suffix == null) {
                throw new InvalidInputException(Text.printable(k), "setting_unknown", "The SMTP setting "
                        + Text.printable(k) + " is not known; the known ones are "
                        + String.join(", ", new TreeSet<>(bySuffix.keySet())) + ".");
            }
            if (e.getValue() != null && !e.getValue().isBlank()) {
                values.put(suffix, e.getValue());
            }
        }
        return values;
    }

    private static void ifSet(Map<String, String> values, String suffix, java.util.function.Consumer<String> setter) {
        String v = values.get(suffix);
        if (v != null) {
            setter.accept(v);
        }
    }

    private SmtpPreset preset(String value, @Nullable String region) {
        String name = value.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "gmail":
                return SmtpPreset.gmail();
            case "naver":
                return SmtpPreset.naver();
            case "ses":
            case "amazon-ses":
                if (region == null) {
                    throw new InvalidInputException(key("ses.region"), "ses_region_missing", "The Amazon SES preset "
                            + "needs its region in " + key("ses.region") + ", e.g. us-east-1 or ap-northeast-2.");
                }
                return SmtpPreset.amazonSes(region, key("ses.region"));
            default:
                throw new InvalidInputException(key("preset"), "preset_unknown", "The SMTP preset " + key("preset")
                        + " must be gmail, naver or ses, not '" + Text.printable(value) + "'.");
        }
    }

    private int port(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key("port"), "port_invalid", "The SMTP port " + key("port")
                    + " must be a number between 1 and 65535, not '" + Text.printable(value) + "'.");
        }
    }

    private SmtpSecurity security(String value) {
        try {
            return SmtpSecurity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(key("security"), "security_invalid", "The SMTP security " + key("security")
                    + " must be none, starttls or ssl, not '" + Text.printable(value) + "'.");
        }
    }

    private Duration duration(String value, String suffix) {
        String v = value.strip();
        Matcher m = DURATION.matcher(v);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    default -> Duration.ofMinutes(n);
                };
            }
            if (v.startsWith("P") || v.startsWith("p")) {
                return Duration.parse(v);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new InvalidInputException(key(suffix), "timeout_invalid", "The SMTP timeout " + key(suffix)
                + " must be a duration with a unit such as 500ms, 10s or 1m, not '" + Text.printable(value) + "'.");
    }

    private boolean bool(String value, String suffix) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new InvalidInputException(key(suffix), "boolean_invalid", "The SMTP setting " + key(suffix)
                + " must be true or false, not '" + Text.printable(value) + "'.");
    }

    private KeyStore trustStore(String path, @Nullable String password) {
        String field = key("truststore");
        try (InputStream in = Files.newInputStream(Path.of(path.strip()))) {
            // The PKCS12 key store type reads JKS files too (keystore.type.compat).
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (InvalidPathException | IOException | GeneralSecurityException e) {
            // The password is never part of the message; a wrong one shows as an IOException about integrity.
            throw new InvalidInputException(field, "truststore_invalid", "The trust store " + field + " ('"
                    + Text.printable(path) + "') cannot be read as a PKCS12 or JKS file ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Check the path and "
                    + key("truststore.password") + ".");
        }
    }
}
