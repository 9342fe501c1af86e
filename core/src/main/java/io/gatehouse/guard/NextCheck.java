package io.gatehouse.guard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of {@link LoginRedirects#isSafe(String)}; see there for the why of each one. */
final class NextCheck {
    // After one decoding, an escape that still decodes to a separator or control means double encoding.
    private static final Pattern ENCODED_DANGER = Pattern.compile("%(?:2[fF]|5[cC]|[01][0-9a-fA-F]|7[fF])");

    private NextCheck() {
    }

    static boolean isSafe(String next) {
        if (next.isEmpty() || next.length() > LoginRedirects.MAX_NEXT_LENGTH) {
            return false;
        }
        if (!hasNoUnsafeCharacters(next) || !hasWellFormedEscapes(next)) {
            return false;
        }
        String path = pathOf(next);
        if (!isSafePath(path) || !isSafePath(nfkc(path))) {
            return false;
        }
        Optional<String> decoded = decode(path);
        return decoded.isPresent() && !ENCODED_DANGER.matcher(decoded.get()).find()
                && isSafePath(decoded.get()) && isSafePath(nfkc(decoded.get()));
    }

    /** No whitespace, controls, format characters, separators, lone surrogates or backslashes. */
    static boolean hasNoUnsafeCharacters(String value) {
        return value.codePoints().noneMatch(cp -> cp == '\\' || Character.isWhitespace(cp)
                || Character.isSpaceChar(cp) || isInvisible(cp));
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * A path (raw or decoded) that starts with exactly one slash, holds no backslash, no invisible character
     * and no dot segment. A plain space is allowed here, since a decoded {@code %20} is a legitimate path.
     */
    private static boolean isSafePath(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
            return false;
        }
        if (path.codePoints().anyMatch(cp -> cp == '\\' || isInvisible(cp)
                || (cp != ' ' && (Character.isWhitespace(cp) || Character.isSpaceChar(cp))))) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String pathOf(String next) {
        int end = next.length();
        int query = next.indexOf('?');
        int fragment = next.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return next.substring(0, end);
    }

    private static String nfkc(String value) {
        return Normalizer.normalize(value, Normalizer.Form.NFKC);
    }

    private static boolean hasWellFormedEscapes(String value) {
        for (int i = value.indexOf('%'); i >= 0; i = value.indexOf('%', i + 1)) {
            if (i + 2 >= value.length() || hex(value.charAt(i + 1)) < 0 || hex(value.charAt(i + 2)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Percent-decodes once as strict UTF-8; empty when the bytes are not valid UTF-8 (overlong forms too). */
    private static Optional<String> decode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < value.length()) {
                    raw = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
    }
}
