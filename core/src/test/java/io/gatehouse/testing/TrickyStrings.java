package io.gatehouse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Test support: random strings over an alphabet biased towards what validation code branches on: ASCII
 * letters, digits and the punctuation addresses and usernames use, plus the non-ASCII characters that case
 * folding and NFKC treat specially (sharp s, dotted capital I, ligatures, fullwidth forms, combining marks,
 * Hangul and its jamo, the Kelvin and Ohm signs, compatibility dots and at signs, emoji, lone surrogates) and
 * control characters. Seeded, so a failure names an input that the next run produces again.
 *
 * <p>Not thread-safe: one instance per test.
 */
public final class TrickyStrings {
    /** ASCII letters of both cases. */
    public static final List<String> ASCII_LETTERS = chars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    /** ASCII digits. */
    public static final List<String> DIGITS = chars("0123456789");
    /** The ASCII punctuation usernames, addresses and permissions allow or trip over. */
    public static final List<String> ASCII_PUNCTUATION = chars(".@_-+!#$%&'*/=?^`{|}~ \"(),:;<>[]\\");
    /** ASCII and C1 control characters: line breaks, tab, NUL, DEL, NEL, CSI. */
    public static final List<String> CONTROLS = List.of("\r", "\n", "\t", "\u0000", "\u001b", "\u007f", "\u0085",
            "\u009b");
    /** Letters that fold or normalise into something else, or into more than one character. */
    public static final List<String> NON_ASCII_LETTERS = List.of("ß", "ẞ", "İ", "ı", "ﬁ", "ﬃ", "ﬅ", "Ａ", "ｚ", "ｊ",
            "가", "김", "\u1100", "\u1161", "\u11A8", "\u212A", "\u2126", "Σ", "σ", "ς", "Ǆ", "ǅ", "ǰ", "ŉ", "µ", "ſ",
            "é", "\uFB1D", "ꭰ", "Ꭰ", "ℌ", "𠀀", "\uD835\uDC00");
    /** Non-ASCII characters that are not letters, or that NFKC turns into ASCII punctuation or marks. */
    public static final List<String> NON_ASCII_OTHER = List.of("\u0301", "\u0307", "\u00A0", "\u200B", "\u2028",
            "\u202E", "\u3000", "\uFF0E", "\uFF20", "\u2024", "\uFE52", "\uFE6B", "\u2100", "\u2474", "\u00BD", "㎏",
            "①", "\uD83D\uDE00", "\uD83D", "\uDE00", "\u00B2", "\u0660");

    private final Random random;

    /**
     * Creates a generator.
     *
     * @param seed the seed; the same seed gives the same strings
     */
    public TrickyStrings(long seed) {
        this.random = new Random(seed);
    }

    /**
     * The underlying random source, for tests that shape their own strings.
     *
     * @return the generator's random source
     */
    public Random random() {
        return random;
    }

    /**
     * Joins lists into one alphabet.
     *
     * @param parts alphabets
     * @return their concatenation
     */
    @SafeVarargs
    public static List<String> alphabet(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }

    /**
     * One element of {@code alphabet}.
     *
     * @param alphabet the elements to draw from
     * @return a random element
     */
    public String pick(List<String> alphabet) {
        return alphabet.get(random.nextInt(alphabet.size()));
    }

    /**
     * A number of pieces, mostly small, sometimes around the length limits (63, 64, 150, 254, 255) and rarely
     * past 600.
     *
     * @return a length in pieces
     */
    public int length() {
        int kind = random.nextInt(100);
        if (kind < 70) {
            return random.nextInt(25);
        }
        if (kind < 90) {
            return 25 + random.nextInt(60);
        }
        if (kind < 98) {
            int[] limits = {63, 64, 150, 254, 255};
            return limits[random.nextInt(limits.length)] - 3 + random.nextInt(7);
        }
        return 590 + random.nextInt(30);
    }

    /**
     * A string of {@code pieces} elements: from {@code common} with probability {@code commonShare}, otherwise
     * from {@code rare}.
     *
     * @param pieces how many elements
     * @param common the usual elements
     * @param commonShare probability of drawing from {@code common}
     * @param rare the other elements
     * @return the string
     */
    public String string(int pieces, List<String> common, double commonShare, List<String> rare) {
        StringBuilder out = new StringBuilder(pieces * 2);
        for (int i = 0; i < pieces; i++) {
            out.append(pick(random.nextDouble() < commonShare ? common : rare));
        }
        return out.toString();
    }

    /**
     * A string over the whole alphabet: mostly ASCII, with non-ASCII letters, other non-ASCII characters and
     * controls mixed in.
     *
     * @return the string
     */
    public String any() {
        int mode = random.nextInt(4);
        List<String> ascii = alphabet(ASCII_LETTERS, DIGITS, ASCII_PUNCTUATION);
        return switch (mode) {
            case 0 -> string(length(), ascii, 1.0, ascii);
            case 1 -> string(length(), ascii, 0.9, alphabet(NON_ASCII_LETTERS, NON_ASCII_OTHER, CONTROLS));
            case 2 -> string(length(), alphabet(ASCII_LETTERS, DIGITS), 0.7, NON_ASCII_LETTERS);
            default -> string(length(), ascii, 0.5, alphabet(NON_ASCII_LETTERS, NON_ASCII_OTHER, CONTROLS));
        };
    }

    /**
     * Shows a string with every non-printable-ASCII char escaped, for assertion messages.
     *
     * @param value any string
     * @return a printable rendering
     */
    public static String escape(String value) {
        Objects.requireNonNull(value, "value");
        String shown = value.length() > 400 ? value.substring(0, 400) + "...(" + value.length() + " chars)" : value;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * The chars of a string as one-char strings, for building an alphabet.
     *
     * @param value the characters
     * @return one element per char
     */
    public static List<String> chars(String value) {
        return value.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    }
}
