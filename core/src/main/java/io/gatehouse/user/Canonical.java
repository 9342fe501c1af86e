package io.gatehouse.user;

import java.text.Normalizer;

/**
 * Case folding shared by usernames and emails: each code point upper- then lower-cased (close to Unicode
 * simple case folding), then NFKC, to a fixed point.
 */
final class Canonical {
    private static final int MAX_ROUNDS = 8;

    private Canonical() {
    }

    static String fold(String value) {
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

    private static String foldCase(String value) {
        StringBuilder folded = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> folded.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
        return folded.toString();
    }
}
