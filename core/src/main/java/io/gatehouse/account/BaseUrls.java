package io.gatehouse.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Checks and normalises the configured base URL of the site. */
final class BaseUrls {
    static final int MAX_LENGTH = 2048;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private BaseUrls() {
    }

    /**
     * Returns the base URL without trailing slashes, with a lower-case scheme and host.
     *
     * @throws IllegalArgumentException naming {@code baseUrl} when it is not an absolute http(s) URL without
     *     user info, query or fragment, or is plain http for a host other than the local machine
     */
    static String check(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (baseUrl.isEmpty() || baseUrl.length() > MAX_LENGTH) {
            throw invalid(baseUrl, "it must be 1 to " + MAX_LENGTH + " characters long");
        }
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw invalid(baseUrl, "it is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(baseUrl, "it must be an absolute URL starting with https://");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw invalid(baseUrl, "it needs a host name (in ASCII; write an international domain in its xn-- "
                    + "form) and no user info");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(baseUrl, "it must not have a query (?) or fragment (#)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
            throw invalid(baseUrl, "plain http is allowed only for localhost, 127.0.0.1 and [::1]; use https");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.contains("//") || path.contains("\\")) {
            throw invalid(baseUrl, "its path must not hold // or a backslash");
        }
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        return scheme + "://" + host + port + path;
    }

    private static IllegalArgumentException invalid(String baseUrl, String why) {
        String shown = baseUrl.length() > 100 ? baseUrl.substring(0, 100) + "..." : baseUrl;
        return new IllegalArgumentException("baseUrl \"" + shown.replaceAll("\\p{Cntrl}", "?")
                + "\" is not valid: " + why + ".");
    }
}
