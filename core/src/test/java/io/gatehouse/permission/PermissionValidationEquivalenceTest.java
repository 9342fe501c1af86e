package io.gatehouse.permission;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.InvalidInputException;
import io.gatehouse.testing.Outcome;
import io.gatehouse.testing.TrickyStrings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The permission name check, rewritten as a char loop, accepts and rejects exactly what the regex it replaced
 * did, with the same exception. The old check is kept here as the oracle.
 */
class PermissionValidationEquivalenceTest {
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final int RANDOM_CASES = 300_000;

    private static final List<String> LOWER = TrickyStrings.chars("abcdefghijklmnopqrstuvwxyz");
    private static final List<String> PART = TrickyStrings.alphabet(LOWER, TrickyStrings.DIGITS, List.of("_"));
    private static final List<String> BAD = TrickyStrings.alphabet(List.of(".", "-", " ", "A", "Z", "ö", "\n", "ｂ",
            "\u212A", "\u0131", "\u0130", "\uD83D\uDE00", "/", "@", "`", "{", "[", ":"), TrickyStrings.CONTROLS,
            TrickyStrings.NON_ASCII_LETTERS);

    @Test
    void existingVectorsBehaveAsBefore() {
        List<String> vectors = new ArrayList<>(List.of("blog.change_post", "a.b", "auth2.view_user2", "my_app.do_x_1",
                "Blog.change_post", "blog.Change_post", "blog.change post", " blog.view_post", "blogchange_post",
                "blog.change.post", "1blog.view_post", "blog.1view", "_blog.view", ".view_post", "blog.", "",
                "blog.change-post", "blög.view_post", "blog.view_post\n", "a." + "b".repeat(Permission.MAX_LENGTH - 2),
                "a." + "b".repeat(Permission.MAX_LENGTH - 1),
                "blog.view\u001b[31m\r\nFAKE LOG LINE\u009b2J\u202e\u2028\u0000",
                "blog." + "\uD83D\uDE00".repeat(200), "blog.add_post", "blog.delete_post", "blog.view_post", "a.c",
                "Blog.add_post", ".", "..", "a..b", "a.b.", ".a.b", "a_.b_", "z9.z9", "a.b\u0000", "a.b\r"));
        int accepted = 0;
        for (String name : vectors) {
            accepted += assertSame(name) ? 1 : 0;
        }
        assertThat(accepted).isGreaterThan(10);
    }

    @Test
    void randomNamesBehaveAsBefore() {
        TrickyStrings strings = new TrickyStrings(SEED);
        int accepted = 0;
        for (int i = 0; i < RANDOM_CASES; i++) {
            accepted += assertSame(randomName(strings)) ? 1 : 0;
        }
        // Enough of both outcomes that neither branch went untested.
        assertThat(accepted).isBetween(RANDOM_CASES / 10, RANDOM_CASES - RANDOM_CASES / 10);
    }

    @Test
    void nullIsRefusedAsBefore() {
        assertThat(Outcome.of(() -> new Permission(null))).isEqualTo(Outcome.of(() -> OldPermission.check(null)));
    }

    private static String randomName(TrickyStrings strings) {
        var random = strings.random();
        int mode = random.nextInt(10);
        if (mode == 0) {
            return strings.any();
        }
        int appLength = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(12);
        int codeLength;
        if (random.nextInt(5) == 0) {
            // Around the total limit of 255.
            codeLength = Permission.MAX_LENGTH - 1 - appLength - 2 + random.nextInt(5);
        } else {
            codeLength = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(20);
        }
        StringBuilder name = new StringBuilder();
        name.append(part(strings, appLength)).append('.').append(part(strings, codeLength));
        int mutations = mode <= 4 ? 0 : 1 + random.nextInt(2);
        for (int m = 0; m < mutations; m++) {
            int at = random.nextInt(name.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> name.insert(at, strings.pick(BAD));
                case 1 -> {
                    if (at < name.length() && !Character.isSurrogate(name.charAt(at))) {
                        name.deleteCharAt(at);
                    }
                }
                default -> name.insert(at, strings.pick(PART));
            }
        }
        return name.toString();
    }

    private static String part(TrickyStrings strings, int length) {
        if (length == 0) {
            return "";
        }
        // Mostly starting with a letter, sometimes with a digit or underscore.
        String first = strings.random().nextInt(8) == 0 ? strings.pick(PART) : strings.pick(LOWER);
        return first + strings.string(length - 1, PART, 1.0, PART);
    }

    private static boolean assertSame(String name) {
        Outcome expected = Outcome.of(() -> OldPermission.check(name));
        Outcome actual = Outcome.of(() -> new Permission(name).name());
        assertThat(actual).as("Permission(\"%s\")", TrickyStrings.escape(name)).isEqualTo(expected);
        return expected.accepted();
    }

    /** The check as it was before the char loop: a regex over the two substrings. */
    private static final class OldPermission {
        private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_]*");

        static String check(String name) {
            Objects.requireNonNull(name, "permission");
            int dot = name.indexOf('.');
            if (name.length() > Permission.MAX_LENGTH || dot < 0 || name.indexOf('.', dot + 1) >= 0
                    || !PART.matcher(name.substring(0, dot)).matches()
                    || !PART.matcher(name.substring(dot + 1)).matches()) {
                throw new InvalidInputException("permission", "permission_invalid",
                        "The permission \"" + printable(name) + "\" is not valid: it must look like "
                                + "app.action_resource (for example blog.change_post), in lower-case letters, "
                                + "digits and underscores, at most " + Permission.MAX_LENGTH + " characters.");
            }
            return name;
        }

        private static String printable(String value) {
            int limit = 80;
            boolean cut = value.codePointCount(0, value.length()) > limit;
            String head = cut ? value.substring(0, value.offsetByCodePoints(0, limit)) : value;
            StringBuilder out = new StringBuilder(head.length() + 3);
            head.codePoints().forEach(cp -> {
                int type = Character.getType(cp);
                boolean unsafe = Character.isISOControl(cp) || type == Character.FORMAT
                        || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR;
                out.appendCodePoint(unsafe ? '?' : cp);
            });
            return cut ? out.append("...").toString() : out.toString();
        }
    }
}
