package io.gatehouse.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The path a guard decides on, and the refusal of paths whose meaning depends on who parses them.
 *
 * <p>A path is ambiguous, and the request refused, when its raw form (as sent, before decoding) holds a
 * {@code ;} (path parameters: {@code /members;x}, {@code /..;/}), a backslash, a control character, an empty
 * segment ({@code //}), a {@code .} or {@code ..} segment, a malformed escape, or an escaped {@code /},
 * {@code \}, {@code .}, {@code %}, {@code ;} or control character ({@code %2F}, {@code %5C}, {@code %2E},
 * {@code %25}, {@code %3B}, {@code %00}-{@code %1F}, {@code %7F}), or escapes that are not strict UTF-8
 * (overlong {@code %C0%AE} for {@code .}); or when the container's decoded path holds
 * any of the same. Containers, proxies and frameworks disagree about each of these (is {@code %2F} a
 * separator? does {@code ..;} climb?), which is how guards get bypassed; a real browser sends none of them for
 * a link on a site, so refusing them costs nothing.
 *
 * <p>What is left has one meaning, and the decision is made on the container's normalised path: servlet path
 * plus path info (for an include, the included ones). Stateless.
 */
final class RequestPaths {
    private RequestPaths() {
    }

    /**
     * The normalised path to decide on (context-relative, e.g. {@code /members/7}), or empty when the request's
     * path is ambiguous and must be refused.
     */
    static Optional<String> decisionPath(HttpServletRequest request) {
        boolean include = request.getDispatcherType() == DispatcherType.INCLUDE;
        String raw = include ? attribute(request, RequestDispatcher.INCLUDE_REQUEST_URI) : request.getRequestURI();
        if (raw == null || isAmbiguousRaw(raw)) {
            return Optional.empty();
        }
        String servletPath;
        String pathInfo;
        try {
            servletPath = include ? attribute(request, RequestDispatcher.INCLUDE_SERVLET_PATH) : request.getServletPath();
            pathInfo = include ? attribute(request, RequestDispatcher.INCLUDE_PATH_INFO) : request.getPathInfo();
        } catch (RuntimeException e) {
            // Some containers refuse to decode an ambiguous path here (Jetty 12 throws IllegalArgumentException).
            return Optional.empty();
        }
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (path.isEmpty()) {
            path = "/";
        }
        return isAmbiguousDecoded(path) ? Optional.empty() : Optional.of(path);
    }

    /** The path and query the visitor asked for, for a login redirect's {@code next}: the original request's. */
    static String requestedPathAndQuery(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        if (request.getDispatcherType() == DispatcherType.FORWARD) {
            String original = attribute(request, RequestDispatcher.FORWARD_REQUEST_URI);
            if (original != null) {
                uri = original;
                query = attribute(request, RequestDispatcher.FORWARD_QUERY_STRING);
            }
        }
        return query == null || query.isEmpty() ? uri : uri + "?" + query;
    }

    static boolean isAmbiguousRaw(String raw) {
        if (!raw.startsWith("/") || hasForbiddenCharacters(raw) || hasBadSegments(raw)) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
                return true;
            }
            int decoded = hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2));
            if (decoded < 0x20 || decoded == 0x7f || "/\\.%;".indexOf(decoded) >= 0) {
                return true;
            }
        }
        return !decodesAsUtf8(raw);
    }

    /**
     * Whether the escapes spell strict UTF-8. Overlong forms ({@code %C0%AE} for {@code .}, {@code %C0%AF} for
     * {@code /}) and stray bytes are refused: some decoders turn them into the character they imitate.
     */
    private static boolean decodesAsUtf8(String raw) {
        if (raw.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // A raw non-ASCII character is the container's to decode; stand in a valid one-byte character.
                bytes.write('x');
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean isAmbiguousDecoded(String path) {
        return !path.startsWith("/") || hasForbiddenCharacters(path) || hasBadSegments(path);
    }

    private static boolean hasForbiddenCharacters(String value) {
        return value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\' || c == ';'
                || (c >= 0x80 && c <= 0x9f));
    }

    /** An empty segment ({@code //}) or a dot segment; a trailing slash is fine. */
    private static boolean hasBadSegments(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if ((segment.isEmpty() && i < segments.length - 1) || segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Lower-cased with the root locale, for matching rules without regard to case. */
    static String folded(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    private static @Nullable String attribute(HttpServletRequest request, String name) {
        Object value = request.getAttribute(name);
        return value instanceof String s ? s : null;
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
