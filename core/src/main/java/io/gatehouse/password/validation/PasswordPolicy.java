package io.gatehouse.password.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ordered set of {@link PasswordValidator}s checked together, reporting every violation at once.
 *
 * <p>Maximum-length rules run first; if one fails, only its violation is reported and the other rules are not
 * run, so an attacker cannot make the similarity or common-password checks chew through megabytes. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * PasswordPolicy policy = PasswordPolicy.defaults();
 * policy.enforce(newPassword, PasswordContext.of(username, email)); // throws WeakPasswordException
 * }</pre>
 */
public final class PasswordPolicy {

    private static final PasswordPolicy DEFAULTS = of(List.of(
            PasswordValidators.maximumLength(PasswordValidators.DEFAULT_MAXIMUM_LENGTH),
            PasswordValidators.userAttributeSimilarity(PasswordValidators.DEFAULT_MAX_SIMILARITY),
            PasswordValidators.minimumLength(PasswordValidators.DEFAULT_MINIMUM_LENGTH),
            PasswordValidators.commonPasswords(),
            PasswordValidators.notEntirelyNumeric()));

    private final List<PasswordValidator> lengthGuards;
    private final List<PasswordValidator> others;

    private PasswordPolicy(List<PasswordValidator> validators) {
        List<PasswordValidator> guards = new ArrayList<>();
        List<PasswordValidator> rest = new ArrayList<>();
        for (PasswordValidator v : validators) {
            Objects.requireNonNull(v, "validators contains null");
            (v instanceof MaximumLengthValidator ? guards : rest).add(v);
        }
        this.lengthGuards = List.copyOf(guards);
        this.others = List.copyOf(rest);
    }

    /**
     * Returns Django's default rules with Gatehouse's limits: at most 128 and at least 12 code points, not
     * similar to the user's attributes (0.7), not common, not entirely numeric.
     *
     * @return the default policy
     */
    public static PasswordPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * Returns a policy of {@code validators}, run in order (maximum-length rules first).
     *
     * @param validators the rules; may be empty to accept every password
     * @return the policy
     * @throws NullPointerException if the list or an element is null
     */
    public static PasswordPolicy of(List<PasswordValidator> validators) {
        Objects.requireNonNull(validators, "validators");
        return new PasswordPolicy(validators);
    }

    /**
     * Returns every violation of this policy by {@code password}, empty if it is acceptable.
     *
     * @param password the candidate password
     * @param context the user's attributes, {@link PasswordContext#none()} if unknown
     * @return the violations, in policy order
     */
    public List<PasswordViolation> check(CharSequence password, PasswordContext context) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(context, "context");
        List<PasswordViolation> violations = new ArrayList<>();
        for (PasswordValidator guard : lengthGuards) {
            violations.addAll(guard.validate(password, context));
        }
        if (violations.isEmpty()) {
            for (PasswordValidator v : others) {
                violations.addAll(v.validate(password, context));
            }
        }
        return List.copyOf(violations);
    }

    /**
     * Throws unless {@code password} satisfies every rule.
     *
     * @param password the candidate password
     * @param context the user's attributes, {@link PasswordContext#none()} if unknown
     * @throws WeakPasswordException listing every violation, if there is at least one
     */
    public void enforce(CharSequence password, PasswordContext context) {
        List<PasswordViolation> violations = check(password, context);
        if (!violations.isEmpty()) {
            throw new WeakPasswordException(violations);
        }
    }

    @Override
    public String toString() {
        List<PasswordValidator> all = new ArrayList<>(lengthGuards);
        all.addAll(others);
        return "PasswordPolicy" + all;
    }
}
