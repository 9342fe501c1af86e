package io.gatehouse.guard;

import io.gatehouse.InvalidInputException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The trip to the login page and back: builds the login location carrying a {@code next} parameter, and
 * judges a {@code next} value before the login page follows it.
 *
 * <pre>{@code
 * LoginRedirects login = LoginRedirects.to("/accounts/login/");
 * login.location("/members?page=2");       // "/accounts/login/?next=%2Fmembers%3Fpage%3D2"
 * // after a successful login:
 * String target = LoginRedirects.resolve(request.getParameter("next"), "/");
 * }</pre>
 *
 * <p>Security note (DESIGN invariant 5): {@link #isSafe(String)} accepts only a relative path on this site.
 * A value is refused when it, or its percent-decoded path, or the NFKC form of either:
 * <ul>
 *   <li>does not start with exactly one {@code /}: so no scheme ({@code https:}, {@code javascript:}), no
 *       {@code //host} and no {@code /\host}, which browsers read as a host;</li>
 *   <li>contains a backslash, a control character, a format character (bidi overrides, zero-width space),
 *       a line or paragraph separator, or (raw) any whitespace including TAB, NBSP and U+3000, which browsers
 *       strip or normalise before parsing;</li>
 *   <li>contains a {@code .} or {@code ..} path segment: {@code /.//evil.com} is harmless to a browser (it
 *       stays on this host), but any server that normalises the path and redirects again would emit
 *       {@code //evil.com}, and real browsers never send dot segments, so nothing legitimate is lost;</li>
 *   <li>has malformed percent-encoding, or an encoded {@code /}, {@code \} or control character in the path,
 *       even after one decoding (which catches double encoding such as {@code %252F});</li>
 *   <li>is longer than {@value #MAX_NEXT_LENGTH} characters.</li>
 * </ul>
 * An {@code @} is allowed: without a leading {@code //} there is no authority, so {@code /@evil.com} is a
 * path here. The query and fragment are checked only raw (they are never decoded by a browser before
 * navigation), so {@code /search?q=%2F} is followed. Absolute URLs are refused even when they name this
 * site; configure relative paths.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoginRedirects {
    /** The longest {@code next} that is followed. */
    public static final int MAX_NEXT_LENGTH = 2048;
    /** Django's default login URL. */
    public static final String DEFAULT_LOGIN_URL = "/accounts/login/";

    private static final Pattern ABSOLUTE_PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*");
    private static final LoginRedirects DEFAULTS = new LoginRedirects(DEFAULT_LOGIN_URL);

    private final String loginUrl;

    private LoginRedirects(String loginUrl) {
        this.loginUrl = loginUrl;
    }

    /**
     * Redirects to Django's default login URL, {@value #DEFAULT_LOGIN_URL}.
     *
     * @return the shared default
     */
    public static LoginRedirects defaults() {
        return DEFAULTS;
    }

    /**
     * Redirects to a configured login URL.
     *
     * @param loginUrl a safe relative path such as {@code /login}, or an absolute {@code https://} or
     *     {@code http://} URL of a separate login site; it may hold a query, never a fragment
     * @return the configuration
     * @throws InvalidInputException naming {@code loginUrl} when it is none of these
     */
    public static LoginRedirects to(String loginUrl) {
        Objects.requireNonNull(loginUrl, "loginUrl");
        boolean relative = NextCheck.isSafe(loginUrl);
        boolean absolute = (loginUrl.startsWith("https://") || loginUrl.startsWith("http://"))
                && NextCheck.hasNoUnsafeCharacters(loginUrl) && loginUrl.length() <= MAX_NEXT_LENGTH;
        if (!(relative || absolute) || loginUrl.indexOf('#') >= 0) {
            throw new InvalidInputException("loginUrl", "login_url_invalid",
                    "The login URL must be a relative path such as /accounts/login/ or an absolute http(s) URL, "
                            + "without a fragment, whitespace or control characters.");
        }
        return new LoginRedirects(loginUrl);
    }

    /**
     * The configured login URL.
     *
     * @return e.g. {@code /accounts/login/}
     */
    public String loginUrl() {
        return loginUrl;
    }

    /**
     * Where to send a visitor who must log in first: the login URL with {@code next} set to the requested
     * path and query, percent-encoded as UTF-8.
     *
     * <p>Only the path and query go into {@code next}: a scheme and host in front are dropped, the fragment
     * is dropped, and leading slashes and backslashes collapse to one, so {@code //evil.com/x} becomes
     * {@code /evil.com/x}, a path on this site. When what remains is still not {@link #isSafe safe}, the
     * location carries no {@code next} at all and the login page falls back to its default.
     *
     * @param requestedPathAndQuery the path and query of the request, e.g. {@code /members?page=2}
     * @return the location, e.g. {@code /accounts/login/?next=%2Fmembers%3Fpage%3D2}
     */
    public String location(String requestedPathAndQuery) {
        Optional<String> next = nextFor(requestedPathAndQuery);
        if (next.isEmpty()) {
            return loginUrl;
        }
        String encoded = URLEncoder.encode(next.get(), StandardCharsets.UTF_8).replace("+", "%20");
        return loginUrl + (loginUrl.indexOf('?') >= 0 ? "&" : "?") + "next=" + encoded;
    }

    /**
     * Tells whether a {@code next} value may be followed after login: whether it is a relative path on this
     * site, by the rules in the class description.
     *
     * @param next the value as received, or {@code null} when absent
     * @return true only when it is safe to redirect to
     */
    public static boolean isSafe(@Nullable String next) {
        return next != null && NextCheck.isSafe(next);
    }

    /**
     * The target to redirect to after login: {@code next} unchanged when it {@link #isSafe is safe}, else the
     * fallback. Checking never throws for any {@code next}.
     *
     * @param next the value as received, or {@code null} when absent
     * @param fallback where to go otherwise, e.g. {@code /}; itself a safe relative path
     * @return {@code next} or {@code fallback}
     * @throws InvalidInputException naming {@code fallback} when the fallback is not safe
     */
    public static String resolve(@Nullable String next, String fallback) {
        Objects.requireNonNull(fallback, "fallback");
        if (!NextCheck.isSafe(fallback)) {
            throw new InvalidInputException("fallback", "fallback_unsafe",
                    "The fallback redirect must be a relative path on this site, such as /.");
        }
        return isSafe(next) ? Objects.requireNonNull(next) : fallback;
    }

    static Optional<String> nextFor(String requested) {
        Objects.requireNonNull(requested, "requestedPathAndQuery");
        String rest = requested;
        var absolute = ABSOLUTE_PREFIX.matcher(rest);
        if (absolute.lookingAt()) {
            rest = rest.substring(absolute.end());
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int start = 0;
        while (start < rest.length() && (rest.charAt(start) == '/' || rest.charAt(start) == '\\')) {
            start++;
        }
        String next = "/" + rest.substring(start);
        return NextCheck.isSafe(next) ? Optional.of(next) : Optional.empty();
    }

    @Override
    public String toString() {
        return "LoginRedirects[" + loginUrl + "]";
    }
}
