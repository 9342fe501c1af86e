package io.gatehouse.servlet;

import io.gatehouse.crypto.SecretKeyRing;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Issues and checks CSRF tokens; the design is described on {@link ServletAuth#csrfToken}.
 *
 * <p>A token is {@code base64url(mask || (mask XOR mac))}: 32 random bytes, then the 32-byte MAC masked with
 * them, 86 characters. The MAC is HMAC-SHA256 under the key ring, purpose {@value #PURPOSE}, of the request's
 * binding: {@code "session:" + session id} for a logged-in request, {@code "anonymous:" + CSRF cookie}
 * otherwise. The prefixes keep the two kinds apart, so one can never stand in for the other.
 *
 * <p>Thread-safe.
 */
final class CsrfTokens {
    static final String PURPOSE = "gatehouse.csrf";
    private static final int MAC_BYTES = 32;
    private static final int TOKEN_LENGTH = 86;
    private static final Pattern COOKIE_VALUE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeyRing keys;
    private final SecureRandom random;
    private final CookiePolicy cookies;

    CsrfTokens(SecretKeyRing keys, SecureRandom random, CookiePolicy cookies) {
        this.keys = keys;
        this.random = random;
        this.cookies = cookies;
    }

    /**
     * A fresh masked token for a form in this response. For an anonymous request without a usable CSRF cookie
     * a new one is set first, so the response must not be committed yet.
     */
    String tokenFor(RequestState state, HttpServletResponse response) {
        String session = state.liveSessionId();
        if (session == null && !isWellFormedCookie(state.csrfCookie())) {
            issueAnonymousCookie(state, response);
        }
        byte[] mac = keys.sign(PURPOSE, bindingOf(state));
        byte[] token = new byte[2 * MAC_BYTES];
        byte[] mask = new byte[MAC_BYTES];
        random.nextBytes(mask);
        for (int i = 0; i < MAC_BYTES; i++) {
            token[i] = mask[i];
            token[MAC_BYTES + i] = (byte) (mask[i] ^ mac[i]);
        }
        return ENCODER.encodeToString(token);
    }

    /**
     * Tells whether a token was issued for this request's binding. Never throws for a malformed token. The MAC
     * is compared in constant time by {@link SecretKeyRing#verify} ({@code MessageDigest.isEqual}, under the
     * current key and every fallback).
     */
    boolean isValid(RequestState state, @Nullable String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return false;
        }
        if (state.liveSessionId() == null && !isWellFormedCookie(state.csrfCookie())) {
            return false;
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (raw.length != 2 * MAC_BYTES) {
            return false;
        }
        byte[] mac = new byte[MAC_BYTES];
        for (int i = 0; i < MAC_BYTES; i++) {
            mac[i] = (byte) (raw[i] ^ raw[MAC_BYTES + i]);
        }
        return keys.verify(PURPOSE, bindingOf(state), mac);
    }

    /** Sets a new random anonymous CSRF cookie: at login and logout, and when a form needs one. */
    void issueAnonymousCookie(RequestState state, HttpServletResponse response) {
        byte[] value = new byte[32];
        random.nextBytes(value);
        String cookie = ENCODER.encodeToString(value);
        response.addHeader("Set-Cookie", cookies.csrfCookie(cookie));
        state.csrfCookieIssued(cookie);
    }

    private static byte[] bindingOf(RequestState state) {
        String session = state.liveSessionId();
        String binding = session != null ? "session:" + session : "anonymous:" + state.csrfCookie();
        return binding.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean isWellFormedCookie(@Nullable String value) {
        return value != null && COOKIE_VALUE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return "CsrfTokens[" + cookies.csrfCookieName() + "]";
    }
}
