package io.gatehouse.examples.demo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code /<uid>/<token>} tail of a mailed link. Both parts are URL-safe base64 (and {@code -}) in
 * Gatehouse's links; anything else is no link at all, and never reaches core or a page.
 *
 * @param uid the user id part
 * @param token the token part
 */
record LinkPath(String uid, String token) {
    private static final Pattern TAIL = Pattern.compile("/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9_.=-]{1,512})");

    static Optional<LinkPath> parse(@Nullable String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        Matcher m = TAIL.matcher(pathInfo);
        return m.matches() ? Optional.of(new LinkPath(m.group(1), m.group(2))) : Optional.empty();
    }

    @Override
    public String toString() {
        return "LinkPath[uid=" + uid + ", token=(hidden)]";
    }
}
