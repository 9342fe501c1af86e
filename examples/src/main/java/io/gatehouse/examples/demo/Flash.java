package io.gatehouse.examples.demo;

import io.gatehouse.crypto.SecretKeyRing;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Messages that tell the result of an action on the next page ("3 users activated"), carried in a short-lived
 * signed cookie rather than the session, so that anonymous pages (sign-up, reset) write nothing on the server.
 *
 * <p>The cookie holds a message key and a number, never text: the page looks the key up in the message bundle,
 * so nothing a request supplies is ever shown. It is signed with the server key ring (a forged or edited cookie
 * is ignored), expires after a minute, and is cleared by the page that shows it. Thread-safe.
 */
final class Flash {
    static final String COOKIE = "demo_flash";
    static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final String PURPOSE = "gatehouse.demo.flash";
    private static final Pattern KEY = Pattern.compile("(ok|err)\\.[a-z_]{1,40}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** A message to show: its bundle key is {@code flash.<key>}, formatted with {@code count}. */
    record Message(String key, long count) {
        Message {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("A flash key is ok.<word> or err.<word>, was " + key + ".");
            }
        }

        boolean error() {
            return key.startsWith("err.");
        }

        String text(Locale locale) {
            return Messages.get(locale, "flash." + key, count);
        }
    }

    private final SecretKeyRing keys;
    private final Clock clock;
    private final boolean secure;

    Flash(SecretKeyRing keys, Clock clock, boolean secure) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secure = secure;
    }

    /** The {@code Set-Cookie} value that carries a message to the next page. */
    String cookie(Message message) {
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = message.key() + "|" + message.count() + "|" + expires;
        byte[] mac = keys.sign(PURPOSE, payload.getBytes(StandardCharsets.UTF_8));
        String value = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac);
        return attributes(COOKIE + "=" + value, LIFETIME.toSeconds());
    }

    /** The {@code Set-Cookie} value that removes the cookie once its message is shown. */
    String clearing() {
        return attributes(COOKIE + "=", 0);
    }

    /** The message a cookie value carries, when it is intact, signed by us and not expired. */
    Optional<Message> read(@Nullable String value) {
        if (value == null || value.length() > 300) {
            return Optional.empty();
        }
        int dot = value.indexOf('.');
        try {
            byte[] payload = B64D.decode(value.substring(0, Math.max(dot, 0)));
            byte[] mac = B64D.decode(value.substring(dot + 1));
            if (dot < 0 || !keys.verify(PURPOSE, payload, mac)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Message(parts[0], Long.parseLong(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String attributes(String nameValue, long maxAge) {
        return nameValue + "; Max-Age=" + maxAge + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /** The flash cookie's value, or null when the request has none. */
    static @Nullable String cookieValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
