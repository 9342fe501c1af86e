package io.gatehouse.servlet;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Gatehouse names and flags its two cookies: the session cookie and the anonymous CSRF cookie.
 *
 * <pre>{@code
 * CookiePolicy cookies = CookiePolicy.secureDefaults();           // production: HTTPS
 * CookiePolicy local = CookiePolicy.developmentLocalhost();       // http://localhost only
 * CookiePolicy strict = CookiePolicy.builder().sameSite(CookiePolicy.SameSite.STRICT).build();
 * }</pre>
 *
 * <p>Secure defaults: both cookies are {@code HttpOnly}, {@code Secure}, {@code SameSite=Lax}, {@code Path=/},
 * carry no {@code Domain}, and are named with the {@code __Host-} prefix ({@code __Host-sessionid},
 * {@code __Host-csrftoken}). The session cookie is a browser-session cookie unless the user chose "remember
 * me", when it gets a {@code Max-Age} equal to the session's remaining lifetime.
 *
 * <p>Security note: a browser accepts a {@code __Host-} cookie only from a secure origin, with {@code Path=/}
 * and without {@code Domain}, so neither a sibling subdomain nor a network attacker on plain HTTP can plant
 * or overwrite it ("cookie tossing"); the CSRF design relies on that. {@link #developmentLocalhost()} gives
 * that up to work over plain {@code http://localhost}: never use it on a deployed site.
 *
 * <p>The {@code Set-Cookie} headers are written by Gatehouse itself, not through {@code jakarta.servlet.http.Cookie},
 * so that every container emits the same attributes in the same form. Immutable and thread-safe.
 */
public final class CookiePolicy {
    /** The {@code SameSite} attribute Gatehouse cookies carry. {@code None} is not offered. */
    public enum SameSite {
        /** Sent on same-site requests and top-level cross-site navigations with safe methods. The default. */
        LAX("Lax"),
        /** Sent on same-site requests only; a link from another site arrives logged out. */
        STRICT("Strict");

        private final String attribute;

        SameSite(String attribute) {
            this.attribute = attribute;
        }
    }

    /** The prefix a browser enforces Secure, Path=/ and no Domain for. */
    public static final String HOST_PREFIX = "__Host-";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final CookiePolicy SECURE_DEFAULTS = builder().build();
    private static final CookiePolicy DEVELOPMENT = builder().insecureForLocalDevelopment().build();

    private final String sessionBaseName;
    private final String csrfBaseName;
    private final boolean secure;
    private final SameSite sameSite;

    private CookiePolicy(Builder b) {
        sessionBaseName = b.sessionBaseName;
        csrfBaseName = b.csrfBaseName;
        secure = b.secure;
        sameSite = b.sameSite;
        if (sessionBaseName.equals(csrfBaseName)) {
            throw new IllegalArgumentException("sessionCookieName and csrfCookieName must differ; both were "
                    + sessionBaseName + ".");
        }
    }

    /**
     * The production policy described in the class description.
     *
     * @return {@code __Host-} names, Secure, HttpOnly, SameSite=Lax, Path=/
     */
    public static CookiePolicy secureDefaults() {
        return SECURE_DEFAULTS;
    }

    /**
     * The policy for developing over plain {@code http://localhost}: cookies named {@code sessionid} and
     * {@code csrftoken}, without {@code Secure} and therefore without the {@code __Host-} prefix, otherwise as
     * {@link #secureDefaults()}. Browsers drop {@code Secure} cookies set over plain HTTP, so the secure policy
     * cannot work there.
     *
     * <p>Security note: on a deployed site this lets a network attacker read the session cookie and lets
     * subdomains toss cookies; use it on localhost only.
     *
     * @return the development policy
     */
    public static CookiePolicy developmentLocalhost() {
        return DEVELOPMENT;
    }

    /**
     * A builder starting from {@link #secureDefaults()}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The session cookie's full name.
     *
     * @return e.g. {@code __Host-sessionid}
     */
    public String sessionCookieName() {
        return fullName(sessionBaseName);
    }

    /**
     * The anonymous CSRF cookie's full name.
     *
     * @return e.g. {@code __Host-csrftoken}
     */
    public String csrfCookieName() {
        return fullName(csrfBaseName);
    }

    /**
     * Tells whether cookies carry {@code Secure} (and the {@code __Host-} prefix).
     *
     * @return false only for the development policy
     */
    public boolean secure() {
        return secure;
    }

    /**
     * The {@code SameSite} attribute.
     *
     * @return LAX unless configured
     */
    public SameSite sameSite() {
        return sameSite;
    }

    /** The {@code Set-Cookie} value that hands a session id to the browser. */
    String sessionCookie(String id, Optional<Duration> maxAge) {
        return header(sessionCookieName(), id,
                maxAge.map(age -> "; Max-Age=" + Math.max(1, age.toSeconds())).orElse(""));
    }

    /**
     * The {@code Set-Cookie} value that makes the browser forget its session cookie. It carries the same flags
     * as the cookie it deletes: a browser ignores a {@code __Host-} cookie, deletion included, without them.
     */
    String expiredSessionCookie() {
        return header(sessionCookieName(), "", "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    }

    /** The {@code Set-Cookie} value of a new anonymous CSRF cookie; it lives as long as the browser session. */
    String csrfCookie(String value) {
        return header(csrfCookieName(), value, "");
    }

    private String header(String name, String value, String lifetime) {
        return name + "=" + value + "; Path=/" + lifetime + (secure ? "; Secure" : "") + "; HttpOnly; SameSite="
                + sameSite.attribute;
    }

    private String fullName(String base) {
        return secure ? HOST_PREFIX + base : base;
    }

    @Override
    public String toString() {
        return "CookiePolicy[session=" + sessionCookieName() + ", csrf=" + csrfCookieName() + ", secure=" + secure
                + ", sameSite=" + sameSite.attribute + "]";
    }

    /** Builds a {@link CookiePolicy}. Not thread-safe. */
    public static final class Builder {
        private String sessionBaseName = "sessionid";
        private String csrfBaseName = "csrftoken";
        private boolean secure = true;
        private SameSite sameSite = SameSite.LAX;

        private Builder() {
        }

        /**
         * Sets the session cookie's name, without prefix; {@code __Host-} is added while the policy is secure.
         *
         * @param name 1 to 64 letters, digits, {@code _}, {@code .} or {@code -}; default {@code sessionid}
         * @return this builder
         * @throws IllegalArgumentException naming {@code sessionCookieName} when the name is not valid
         */
        public Builder sessionCookieName(String name) {
            sessionBaseName = checkName("sessionCookieName", name);
            return this;
        }

        /**
         * Sets the CSRF cookie's name, without prefix; {@code __Host-} is added while the policy is secure.
         *
         * @param name as {@link #sessionCookieName(String)}; default {@code csrftoken}
         * @return this builder
         * @throws IllegalArgumentException naming {@code csrfCookieName} when the name is not valid
         */
        public Builder csrfCookieName(String name) {
            csrfBaseName = checkName("csrfCookieName", name);
            return this;
        }

        /**
         * Sets the {@code SameSite} attribute.
         *
         * @param value LAX (the default) or STRICT
         * @return this builder
         */
        public Builder sameSite(SameSite value) {
            sameSite = Objects.requireNonNull(value, "sameSite");
            return this;
        }

        /**
         * Drops {@code Secure} and the {@code __Host-} prefix, for plain {@code http://localhost} only; see
         * {@link CookiePolicy#developmentLocalhost()}.
         *
         * @return this builder
         */
        public Builder insecureForLocalDevelopment() {
            secure = false;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException when both cookies have the same name
         */
        public CookiePolicy build() {
            return new CookiePolicy(this);
        }

        private static String checkName(String field, String name) {
            Objects.requireNonNull(name, field);
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches() || lower.startsWith("__host-") || lower.startsWith("__secure-")) {
                throw new IllegalArgumentException(field + " must be 1 to 64 letters, digits, '_', '.' or '-', "
                        + "without a __Host- or __Secure- prefix (Gatehouse adds __Host- itself); was \"" + name
                        + "\".");
            }
            return name;
        }
    }
}
