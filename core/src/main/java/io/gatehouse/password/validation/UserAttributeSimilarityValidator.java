package io.gatehouse.password.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Refuses passwords too similar to the user's username, names or email address, following Django 4.2's
 * UserAttributeSimilarityValidator.
 *
 * <p>Each attribute is lower-cased and compared whole, split on runs of non-word characters, and (for the
 * email address) by its local part. A part is too similar when difflib's {@code quick_ratio}
 * (2 × shared characters counted as multisets / total length) reaches the maximum similarity; as in Django 4.x,
 * a part is skipped when the password is at least ten times longer and the part is too short to ever reach it.
 * Lengths are in code points.
 */
final class UserAttributeSimilarityValidator implements PasswordValidator {

    private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    private final double maxSimilarity;

    UserAttributeSimilarityValidator(double maxSimilarity) {
        if (!(maxSimilarity >= 0.1 && maxSimilarity <= 1.0)) {
            throw new IllegalArgumentException("maxSimilarity is " + maxSimilarity
                    + " but must be between 0.1 and 1.0; Django's default is 0.7.");
        }
        this.maxSimilarity = maxSimilarity;
    }

    @Override
    public List<PasswordViolation> validate(CharSequence password, PasswordContext context) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(context, "context");
        int[] pwd = password.toString().toLowerCase(Locale.ROOT).codePoints().toArray();
        for (Map.Entry<String, PasswordContext.Attribute> attribute : context.attributes()) {
            if (!attribute.getKey().isEmpty() && similar(pwd, parts(attribute.getKey(), attribute.getValue()))) {
                PasswordContext.Attribute name = attribute.getValue();
                return List.of(new PasswordViolation("password_too_similar",
                        "The password is too similar to the " + name.english + ".",
                        "비밀번호가 " + name.korean + " 너무 비슷합니다."));
            }
        }
        return List.of();
    }

    private static List<String> parts(String value, PasswordContext.Attribute attribute) {
        String lower = value.toLowerCase(Locale.ROOT);
        // Python's re.split keeps leading/trailing empty strings; Java drops trailing ones. Empty parts are
        // skipped by the length shortcut anyway, so the difference cannot change a result.
        List<String> parts = new ArrayList<>(List.of(NON_WORD.split(lower)));
        parts.add(lower);
        int at = lower.lastIndexOf('@');
        if (attribute == PasswordContext.Attribute.EMAIL && at > 0) {
            parts.add(lower.substring(0, at));
        }
        return parts;
    }

    private boolean similar(int[] password, List<String> parts) {
        for (String part : parts) {
            int[] value = part.codePoints().toArray();
            if (exceedsMaximumLengthRatio(password.length, value.length)) {
                continue;
            }
            if (quickRatio(password, value) >= maxSimilarity) {
                return true;
            }
        }
        return false;
    }

    /** Django 4.x's shortcut: a much shorter value cannot reach the ratio, so skip it. */
    private boolean exceedsMaximumLengthRatio(int passwordLength, int valueLength) {
        double lengthBoundSimilarity = maxSimilarity / 2 * passwordLength;
        return passwordLength >= 10 * valueLength && valueLength < lengthBoundSimilarity;
    }

    /** difflib.SequenceMatcher(a, b).quick_ratio(): an upper bound on ratio() from character counts alone. */
    static double quickRatio(int[] a, int[] b) {
        int total = a.length + b.length;
        if (total == 0) {
            return 1.0;
        }
        Map<Integer, Integer> available = new HashMap<>();
        for (int c : b) {
            available.merge(c, 1, Integer::sum);
        }
        int matches = 0;
        for (int c : a) {
            Integer left = available.get(c);
            if (left != null && left > 0) {
                available.put(c, left - 1);
                matches++;
            }
        }
        return 2.0 * matches / total;
    }

    @Override
    public String toString() {
        return "UserAttributeSimilarityValidator[" + maxSimilarity + "]";
    }
}
