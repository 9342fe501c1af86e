package io.gatehouse.user;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Case folding shared by usernames and emails: each code point upper- then lower-cased (close to Unicode
 * simple case folding), then NFKC, to a fixed point.
 */
final class Canonical {
    private static final int MAX_ROUNDS = 8;

    private Canonical() {
    }

    static String fold(String value) {
        // For ASCII, upper- then lower-casing a character is String.toLowerCase(Locale.ROOT) of it (only A-Z
        // change, and only into a-z), and NFKC changes no ASCII string; so the first round gives the lower-cased
        // string and the second round confirms it.
        if (isAscii(value)) {
            return value.toLowerCase(Locale.ROOT);
        }
        String current = value;
        // Folding per code point, not String.toLowerCase: the latter turns U+0130 (Turkish dotted capital I)
        // into "i" plus a combining dot, which is not a valid username character, so the canonical form was
        // not itself canonicalisable; and it lower-cases a final capital sigma to a final small sigma but a
        // medial one to a small sigma, so two spellings of one Greek word got different keys.
        // Folding can produce text that NFKC changes again (and the reverse); a few rounds reach the fixed
        // point for every code point Unicode defines today, which makes folding idempotent.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String next = Normalizer.normalize(foldCase(current), Normalizer.Form.NFKC);
            if (next.equals(current)) {
                return next;
            }
            current = next;
        }
        return current;
    }

    /**
     * Whether every char is below U+0080. Such a string is its own NFKC form.
     *
     * @param value any string
     * @return true when it is pure ASCII (the empty string included)
     */
    static boolean isAscii(String value) {
        for (int i = 0, n = value.length(); i < n; i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String foldCase(String value) {
        StringBuilder folded = new StringBuilder(value.length());
        for (int i = 0, n = value.length(); i < n; ) {
            int cp = value.codePointAt(i);
            folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            i += Character.charCount(cp);
        }
        return folded.toString();
    }
}
