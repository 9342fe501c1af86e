package io.gatehouse.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.InvalidInputException;
import io.gatehouse.testing.Outcome;
import io.gatehouse.testing.TrickyStrings;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The validation that runs whenever a store maps a row into a {@link User} was made cheaper (ASCII fast paths,
 * plain loops instead of streams and {@code split}); it must accept and reject exactly what it did before,
 * return the same values, and throw the same exceptions with the same field, code and message. The old code is
 * kept here, copied verbatim, as the oracle; every vector in the other tests and a few hundred thousand seeded
 * random strings go through both.
 */
class ValidationEquivalenceTest {
    private static final long SEED = 0x5DEECE66DL;
    private static final int RANDOM_CASES = 300_000;

    private static final List<String> USERNAME_SAFE = TrickyStrings.alphabet(TrickyStrings.ASCII_LETTERS,
            TrickyStrings.DIGITS, List.of(".", "@", "+", "-", "_"));
    private static final List<String> ALL = TrickyStrings.alphabet(TrickyStrings.ASCII_LETTERS, TrickyStrings.DIGITS,
            TrickyStrings.ASCII_PUNCTUATION, TrickyStrings.CONTROLS, TrickyStrings.NON_ASCII_LETTERS,
            TrickyStrings.NON_ASCII_OTHER);
    private static final List<String> LOCAL_COMMON = TrickyStrings.alphabet(TrickyStrings.ASCII_LETTERS,
            TrickyStrings.ASCII_LETTERS, TrickyStrings.DIGITS, TrickyStrings.chars(".!#$%&'*+/=?^_`{|}~-"));
    private static final List<String> DOMAIN_COMMON = TrickyStrings.alphabet(TrickyStrings.ASCII_LETTERS,
            TrickyStrings.DIGITS, List.of("-"));
    private static final List<String> RARE = TrickyStrings.alphabet(TrickyStrings.NON_ASCII_LETTERS,
            TrickyStrings.NON_ASCII_LETTERS, TrickyStrings.NON_ASCII_OTHER, TrickyStrings.CONTROLS,
            TrickyStrings.chars(" \"(),:;<>[]\\@._-"));

    // ---- (a) every vector the other tests use ----

    @Test
    void existingVectorsBehaveAsBefore() {
        List<String> corpus = vectors();
        for (String value : corpus) {
            assertUsername(value);
            assertFold(value);
            assertEmail(value, "email");
            assertEmail(value, "to");
            assertNames(value, "firstName");
            assertNames(value, "lastName");
        }
        assertThat(corpus.size()).isGreaterThan(4000);
    }

    @Test
    void nullsAreRefusedAsBefore() {
        assertThat(Outcome.of(() -> Username.normalize(null))).isEqualTo(Outcome.of(() -> Old.normalize(null)));
        assertThat(Outcome.of(() -> EmailAddress.validate(null)))
                .isEqualTo(Outcome.of(() -> Old.validate(null, "email")));
        assertThat(Outcome.of(() -> EmailAddress.validate(null, "to")))
                .isEqualTo(Outcome.of(() -> Old.validate(null, "to")));
        assertThat(Outcome.of(() -> Names.check(null, "firstName")))
                .isEqualTo(Outcome.of(() -> Old.checkName(null, "firstName")));
    }

    // ---- (b) seeded random strings ----

    @Test
    void randomUsernamesBehaveAsBefore() {
        TrickyStrings strings = new TrickyStrings(SEED);
        int accepted = 0;
        for (int i = 0; i < RANDOM_CASES; i++) {
            accepted += assertUsername(randomUsername(strings)) ? 1 : 0;
        }
        assertThat(accepted).isBetween(RANDOM_CASES / 10, RANDOM_CASES - RANDOM_CASES / 10);
    }

    @Test
    void randomEmailsBehaveAsBefore() {
        TrickyStrings strings = new TrickyStrings(SEED + 1);
        int accepted = 0;
        for (int i = 0; i < RANDOM_CASES; i++) {
            String field = i % 7 == 0 ? "to" : "email";
            accepted += assertEmail(randomEmail(strings), field) ? 1 : 0;
        }
        assertThat(accepted).isBetween(RANDOM_CASES / 10, RANDOM_CASES - RANDOM_CASES / 10);
    }

    @Test
    void randomStringsFoldAsBefore() {
        TrickyStrings strings = new TrickyStrings(SEED + 2);
        for (int i = 0; i < RANDOM_CASES; i++) {
            String value = switch (i % 4) {
                case 0 -> strings.any();
                case 1 -> randomUsername(strings);
                case 2 -> randomEmail(strings);
                default -> strings.string(strings.length(), TrickyStrings.ASCII_LETTERS, 0.95, ALL);
            };
            assertFold(value);
        }
    }

    @Test
    void randomNamesBehaveAsBefore() {
        TrickyStrings strings = new TrickyStrings(SEED + 3);
        int accepted = 0;
        for (int i = 0; i < RANDOM_CASES; i++) {
            Random random = strings.random();
            String value = switch (random.nextInt(4)) {
                case 0 -> strings.any();
                case 1 -> strings.string(strings.length(), TrickyStrings.ASCII_LETTERS, 0.9,
                        List.of(" ", "-", "'", "가", "𠀀", "\uD83D\uDE00", "é", "\uD83D"));
                case 2 -> strings.string(147 + random.nextInt(7), TrickyStrings.ASCII_LETTERS, 0.7,
                        List.of("𠀀", "\uD83D\uDE00", "가", " ", "\uDE00"));
                default -> strings.string(strings.length(), TrickyStrings.ASCII_LETTERS, 0.97, ALL);
            };
            accepted += assertNames(value, random.nextBoolean() ? "firstName" : "lastName") ? 1 : 0;
        }
        assertThat(accepted).isBetween(RANDOM_CASES / 10, RANDOM_CASES - RANDOM_CASES / 10);
    }

    @Test
    void usersBuiltFromRandomRowsBehaveAsBefore() {
        TrickyStrings strings = new TrickyStrings(SEED + 4);
        for (int i = 0; i < RANDOM_CASES / 10; i++) {
            String username = randomUsername(strings);
            String email = randomEmail(strings);
            String first = strings.any();
            String last = strings.any();
            Outcome expected = Outcome.of(() -> {
                Old.checkUser(username, email, first, last);
                return "ok";
            });
            Outcome actual = Outcome.of(() -> {
                new User(1, username, email, "!", first, last, true, false, false, false, UserTest.JOINED, null,
                        Locale.ENGLISH);
                return "ok";
            });
            assertThat(actual).as("User(%s, %s, %s, %s)", TrickyStrings.escape(username),
                    TrickyStrings.escape(email), TrickyStrings.escape(first), TrickyStrings.escape(last))
                    .isEqualTo(expected);
        }
    }

    // ---- comparisons ----

    private static boolean assertUsername(String raw) {
        Outcome expected = Outcome.of(() -> Old.normalize(raw));
        assertThat(Outcome.of(() -> Username.normalize(raw)))
                .as("Username.normalize(\"%s\")", TrickyStrings.escape(raw)).isEqualTo(expected);
        assertThat(Outcome.of(() -> Username.canonical(raw)))
                .as("Username.canonical(\"%s\")", TrickyStrings.escape(raw))
                .isEqualTo(Outcome.of(() -> Old.fold(Old.normalize(raw))));
        return expected.accepted();
    }

    private static void assertFold(String value) {
        assertThat(Canonical.fold(value)).as("Canonical.fold(\"%s\")", TrickyStrings.escape(value))
                .isEqualTo(Old.fold(value));
    }

    private static boolean assertEmail(String raw, String field) {
        Outcome expected = Outcome.of(() -> Old.validate(raw, field));
        assertThat(Outcome.of(() -> EmailAddress.validate(raw, field)))
                .as("EmailAddress.validate(\"%s\", %s)", TrickyStrings.escape(raw), field).isEqualTo(expected);
        if (field.equals("email")) {
            assertThat(Outcome.of(() -> EmailAddress.canonical(raw)))
                    .as("EmailAddress.canonical(\"%s\")", TrickyStrings.escape(raw))
                    .isEqualTo(Outcome.of(() -> Old.fold(Old.validate(raw, "email"))));
        }
        return expected.accepted();
    }

    private static boolean assertNames(String value, String field) {
        Outcome expected = Outcome.of(() -> Old.checkName(value, field));
        assertThat(Outcome.of(() -> Names.check(value, field)))
                .as("Names.check(\"%s\", %s)", TrickyStrings.escape(value), field).isEqualTo(expected);
        return expected.accepted();
    }

    // ---- generators ----

    private static String randomUsername(TrickyStrings strings) {
        Random random = strings.random();
        return switch (random.nextInt(5)) {
            case 0 -> strings.any();
            case 1 -> strings.string(strings.length(), USERNAME_SAFE, 1.0, USERNAME_SAFE);
            case 2 -> strings.string(strings.length(), USERNAME_SAFE, 0.9, TrickyStrings.NON_ASCII_LETTERS);
            case 3 -> strings.string(strings.length(), USERNAME_SAFE, 0.97, ALL);
            default -> strings.string(1 + random.nextInt(8), TrickyStrings.NON_ASCII_LETTERS, 0.8, USERNAME_SAFE);
        };
    }

    private static String randomEmail(TrickyStrings strings) {
        Random random = strings.random();
        if (random.nextInt(12) == 0) {
            return strings.any();
        }
        double commonShare = random.nextInt(3) == 0 ? 0.9 : 1.0;
        int localLength = random.nextInt(8) == 0 ? 60 + random.nextInt(8) : random.nextInt(16);
        StringBuilder raw = new StringBuilder(strings.string(localLength, LOCAL_COMMON, commonShare, RARE));
        raw.append('@');
        int labels = random.nextInt(10) == 0 ? 1 : 2 + random.nextInt(3);
        if (labels == 1 && random.nextBoolean()) {
            raw.append(strings.pick(List.of("localhost", "LocalHost", "localho\u017Ft", "localhos", "localhost1")));
        } else {
            for (int l = 0; l < labels; l++) {
                if (l > 0) {
                    raw.append('.');
                }
                int labelLength = random.nextInt(10) == 0 ? 61 + random.nextInt(5) : random.nextInt(12);
                raw.append(strings.string(labelLength, DOMAIN_COMMON, commonShare, RARE));
            }
        }
        if (random.nextInt(10) == 0) {
            // Around the total limit of 254.
            while (raw.length() < 250 + random.nextInt(8)) {
                raw.append('.').append(strings.string(1 + random.nextInt(40), DOMAIN_COMMON, 1.0, RARE));
            }
        }
        int mutations = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(raw.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> raw.insert(at, strings.pick(RARE));
                case 1 -> raw.insert(at, strings.pick(List.of(".", "..", "@", "-", "\uFF0E", "\u2024", "\uFE6B")));
                case 2 -> raw.insert(at, strings.pick(ALL));
                default -> {
                    if (at < raw.length()) {
                        raw.deleteCharAt(at);
                    }
                }
            }
        }
        return raw.toString();
    }

    private static List<String> vectors() {
        List<String> corpus = new ArrayList<>(UsernameTest.TRICKY);
        for (String a : UsernameTest.TRICKY) {
            for (String b : UsernameTest.TRICKY) {
                corpus.add(a + b);
                corpus.add(a + "." + b + "@" + b + ".example");
            }
            corpus.add(a + "@example.com");
            corpus.add("x@" + a + ".com");
        }
        String local64 = "l".repeat(64);
        String domain189 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(61);
        corpus.addAll(List.of(
                // UsernameTest
                "a".repeat(150), "가".repeat(150), "𠀀".repeat(150), "a".repeat(151), "가".repeat(151),
                "𠀀".repeat(151), "ﬃ".repeat(75), "a".repeat(1_000_000), "", " ", "a b", "\t", "a\u0000b", "a\r\nb",
                "a\nb", "\u0007", "a/b", "<script>", "a\"b", "a'b", "a;b", "\u3000", "a\u200Bb", "e\u0301x\u0301",
                "\uFB1D", "\u202Eevil", "a\\b", "😀", "İstanbul",
                // EmailAddressTest
                "alice@example.com", "a@b.co", "first.last+tag@sub.example.org", "o'neil@example.ie",
                "x_y-z!#$%&*/=?^`{|}~@example.com", "user@localhost", "김민준@예시.한국", "ｊｏｅ@example.com",
                "a1@xn--bcher-kva.example", "a@a-b.c-d.com", local64 + "@" + domain189, local64 + "@" + domain189 + "c",
                local64 + "@example.com", local64 + "l@example.com", "a@" + "d".repeat(63) + ".com",
                "a@" + "d".repeat(64) + ".com", "a@b.com\r\nBcc: x@y.com", "a@b.com\nBcc: x@y.com", "a\r\n@b.com",
                "a\u0000@b.com", "a@b.com\u0000", "a b@c.com", " a@b.com", "a@b.com ", "a@b .com", "a@@b.com",
                "a@b@c.com", "@b.com", "a@", "ab.com", ".a@b.com", "a.@b.com", "a..b@c.com", "a@.b.com", "a@b.com.",
                "a@b..com", "a@bcom", "a@-b.com", "a@b-.com", "a@b.-com", "a@b.com-", "\"a b\"@c.com",
                "a@[127.0.0.1]", "a(comment)@b.com", "a@b_c.com", "a<b>@c.com", "a,b@c.com", "a@b．com", "a＠b.com",
                "a\t@b.com", "a@b.com\u2028", "a\u200B@b.com", "ﬃ".repeat(22) + "@example.com", "\uFB1D@example.com",
                "Alice@Example.COM", "ａｌｉｃｅ@example.com", "\u212Aim@example.com", "İ@example.com",
                "not an address", "a@LOCALHOST", "a@localhost.", "a@.", "a@b.c.", "a@b_c.-com", "a@-b_c.com",
                "a@localho\u017Ft", "a@LOCALHO\u017FT", "a@\u212Aocalhost", "a@localhost\u212A", "a@loca\u0130host",
                // UserTest, ProfileUpdateTest, NewUserTest
                "alice", "Alice", "Liddell", "al ice", "김민준", "민준", "kim@example.com", "Alice\r\nBcc: x@y.com",
                "A\u0000", "A\tB", "\u007F", "x".repeat(151), "Ａｌｉｃｅ", "ﬁle", "\u212Aelvin", "\u1100\u1161",
                "user000123", "user000123@example.com", "First", "Last"));
        return corpus;
    }

    /** The code as it was before the fast paths, verbatim apart from names. */
    private static final class Old {
        private static final int MAX_LOCAL_LENGTH = 64;
        private static final int MAX_LABEL_LENGTH = 63;
        private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

        static void checkUser(String username, String email, String firstName, String lastName) {
            Objects.requireNonNull(username, "username");
            if (!normalize(username).equals(username)) {
                throw new IllegalArgumentException(
                        "username must be normalised; pass it through Username.normalize first.");
            }
            validate(email, "email");
            checkName(firstName, "firstName");
            checkName(lastName, "lastName");
        }

        // Username.normalize
        static String normalize(String raw) {
            Objects.requireNonNull(raw, "username");
            if (raw.length() > Username.MAX_LENGTH * 4) {
                throw tooLong();
            }
            String normalized = Normalizer.normalize(raw, Normalizer.Form.NFKC);
            if (normalized.isEmpty()) {
                throw new InvalidInputException("username", "username_blank", "The username must not be blank.");
            }
            if (normalized.codePointCount(0, normalized.length()) > Username.MAX_LENGTH) {
                throw tooLong();
            }
            normalized.codePoints().forEach(cp -> {
                if (!isAllowed(cp)) {
                    throw new InvalidInputException("username", "username_invalid_character",
                            "The username may contain only letters, digits and the characters . @ + - _ ; "
                                    + "found U+" + String.format(Locale.ROOT, "%04X", cp) + ".");
                }
            });
            return normalized;
        }

        private static boolean isAllowed(int cp) {
            return Character.isLetterOrDigit(cp) || cp == '.' || cp == '@' || cp == '+' || cp == '-' || cp == '_';
        }

        private static InvalidInputException tooLong() {
            return new InvalidInputException("username", "username_too_long",
                    "The username must be at most " + Username.MAX_LENGTH + " characters long.");
        }

        // Canonical.fold
        static String fold(String value) {
            String current = value;
            for (int round = 0; round < 8; round++) {
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

        // EmailAddress.validate
        static String validate(String raw, String field) {
            Objects.requireNonNull(raw, field);
            if (raw.isEmpty()) {
                throw new InvalidInputException(field, "email_blank", "The " + field + " address must not be blank.");
            }
            checkShape(raw, field);
            String folded = fold(raw);
            if (!folded.equals(raw)) {
                checkShape(folded, field);
            }
            return raw;
        }

        private static void checkShape(String raw, String field) {
            if (raw.length() > EmailAddress.MAX_LENGTH) {
                throw new InvalidInputException(field, "email_too_long",
                        "The " + field + " address must be at most " + EmailAddress.MAX_LENGTH + " characters long.");
            }
            int at = raw.lastIndexOf('@');
            if (at <= 0 || at == raw.length() - 1 || raw.indexOf('@') != at) {
                throw malformed(field, "it must have the form name@example.com");
            }
            String local = raw.substring(0, at);
            String domain = raw.substring(at + 1);
            if (local.length() > MAX_LOCAL_LENGTH) {
                throw malformed(field, "the part before @ must be at most " + MAX_LOCAL_LENGTH + " characters");
            }
            checkLocal(local, field);
            checkDomain(domain, field);
        }

        private static void checkLocal(String local, String field) {
            if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
                throw malformed(field, "the part before @ must not start or end with a dot or hold two dots in a row");
            }
            local.codePoints().forEach(cp -> {
                if (!(cp == '.' || Character.isLetterOrDigit(cp) || (cp < 128 && ATEXT_SPECIALS.indexOf(cp) >= 0))) {
                    throw malformed(field, "the part before @ holds a character that is not allowed there");
                }
            });
        }

        private static void checkDomain(String domain, String field) {
            String[] labels = domain.split("\\.", -1);
            if (labels.length < 2 && !domain.equalsIgnoreCase("localhost")) {
                throw malformed(field, "the domain must have a dot, as in example.com");
            }
            for (String label : labels) {
                if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || label.startsWith("-")
                        || label.endsWith("-")) {
                    throw malformed(field, "each part of the domain must be 1 to 63 letters, digits or inner hyphens");
                }
                label.codePoints().forEach(cp -> {
                    if (!(cp == '-' || Character.isLetterOrDigit(cp))) {
                        throw malformed(field, "the domain holds a character that is not allowed there");
                    }
                });
            }
        }

        private static InvalidInputException malformed(String field, String why) {
            return new InvalidInputException(field, "email_invalid",
                    "The " + field + " address is not valid: " + why + ".");
        }

        // Names.check
        static String checkName(String value, String field) {
            Objects.requireNonNull(value, field);
            if (value.codePointCount(0, value.length()) > Names.MAX_LENGTH) {
                throw new InvalidInputException(field, field + "_too_long",
                        "The " + field + " must be at most " + Names.MAX_LENGTH + " characters long.");
            }
            if (value.codePoints().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException(field, field + "_invalid_character",
                        "The " + field + " must not contain control characters such as line breaks.");
            }
            return value;
        }
    }
}
