package io.gatehouse.mail;

import io.gatehouse.InvalidInputException;
import java.util.Locale;

/** The character rules for everything that ends up in a mail header. */
final class HeaderText {
    private HeaderText() {
    }

    /**
     * Refuses a value that could end a header line early. Besides CR, LF and NUL this refuses every code point
     * whose low byte is CR or LF (U+010A, U+010D, U+560D...): an encoder that truncates characters to 8 bits
     * turns those into real line breaks, a known way to smuggle a Bcc header past a CRLF check. Other control
     * characters (tab excepted), Unicode line and paragraph separators and unpaired surrogates go too, since
     * some clients treat them as line ends and none of them belongs in a header.
     */
    static void check(String value, String field, String what) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (isUnsafe(cp)) {
                throw new InvalidInputException(field, "header_control_char", String.format(Locale.ROOT,
                        "The %s of %s must not contain line breaks, NUL or other control characters, but it holds "
                                + "U+%04X at position %d; remove it.", what, field, cp, i));
            }
            i += Character.charCount(cp);
        }
    }

    static boolean isUnsafe(int cp) {
        int low = cp & 0xFF;
        return low == '\n' || low == '\r' || cp == 0 || (Character.isISOControl(cp) && cp != '\t')
                || cp == '\u2028' || cp == '\u2029' || Character.isSurrogate((char) cp) && cp <= 0xFFFF;
    }

    /** RFC 5322 field-name: printable US-ASCII except the colon. */
    static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126 || c == ':') {
                return false;
            }
        }
        return true;
    }

    static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    /** The UTF-8 length of a string, without encoding it. */
    static long utf8Length(String value) {
        long bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
