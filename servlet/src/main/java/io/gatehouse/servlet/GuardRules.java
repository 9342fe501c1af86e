package io.gatehouse.servlet;

import io.gatehouse.guard.Guard;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.permission.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which guard protects which URLs: the table behind {@link ServletAuth#guardFilter(GuardRules)}.
 *
 * <pre>{@code
 * GuardRules rules = GuardRules.builder(LoginRedirects.to("/login"))
 *         .loginRequired("/members/*")
 *         .permissionRequired("/reports/*", Permission.of("reports.view_report"))
 *         .staffRequired("/staff/*")
 *         .build();
 * }</pre>
 *
 * <p>A pattern is an exact path ({@code /account}), a prefix ending in {@code /*} ({@code /members/*}, which
 * also covers {@code /members} itself), or {@code /*} for everything. Exact paths also match with a trailing
 * slash. Paths are context-relative, like servlet mappings, and match without regard to letter case, so a
 * container or file system that serves {@code /MEMBERS} as {@code /members} stays guarded.
 *
 * <p>Every rule whose pattern matches applies, in the order added (the first that does not allow decides):
 * rules only ever add requirements, so a broad rule listed first can never open a path that a narrower one
 * protects. A path no rule matches is not guarded.
 *
 * <p>Immutable and thread-safe.
 */
public final class GuardRules {
    private final List<Rule> rules;

    private GuardRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Starts a table whose convenience methods send visitors to the given login page.
     *
     * @param login where {@link Builder#loginRequired}, {@link Builder#permissionRequired} and
     *     {@link Builder#staffRequired} send visitors who must log in
     * @return a builder
     */
    public static Builder builder(LoginRedirects login) {
        return new Builder(Objects.requireNonNull(login, "login"));
    }

    /**
     * The guard for a path: every matching rule's guard combined, or empty when none matches.
     *
     * @param path the normalised, context-relative path, e.g. {@code /members/7}
     * @return the guard to apply, or empty
     */
    public Optional<Guard> guardFor(String path) {
        Objects.requireNonNull(path, "path");
        String folded = RequestPaths.folded(path);
        Guard[] matching = rules.stream().filter(rule -> rule.matches(folded)).map(Rule::guard).toArray(Guard[]::new);
        if (matching.length == 0) {
            return Optional.empty();
        }
        return Optional.of(matching.length == 1 ? matching[0] : Guard.allOf(matching));
    }

    @Override
    public String toString() {
        return "GuardRules" + rules;
    }

    private record Rule(String pattern, String folded, boolean prefix, Guard guard) {
        boolean matches(String path) {
            if (prefix) {
                return folded.isEmpty() || path.equals(folded) || path.startsWith(folded + "/");
            }
            return path.equals(folded) || path.equals(folded + "/");
        }

        @Override
        public String toString() {
            return pattern + " -> " + guard;
        }
    }

    /** Collects rules. Not thread-safe. */
    public static final class Builder {
        private final LoginRedirects login;
        private final List<Rule> rules = new ArrayList<>();

        private Builder(LoginRedirects login) {
            this.login = login;
        }

        /**
         * Protects a pattern with a guard, used as given (set its login page with {@link Guard#withLogin}).
         *
         * @param pattern {@code /exact}, {@code /prefix/*} or {@code /*}
         * @param guard the guard
         * @return this builder
         * @throws IllegalArgumentException naming {@code pattern} when it is not one of these forms
         */
        public Builder require(String pattern, Guard guard) {
            Objects.requireNonNull(guard, "guard");
            rules.add(parse(pattern, guard));
            return this;
        }

        /**
         * Requires a logged-in, active user.
         *
         * @param pattern {@code /exact}, {@code /prefix/*} or {@code /*}
         * @return this builder
         */
        public Builder loginRequired(String pattern) {
            return require(pattern, Guard.loginRequired().withLogin(login));
        }

        /**
         * Requires a logged-in user holding every permission; one without gets 403 (or, with
         * {@link #permissionRequired(String, Guard.OnDenied, Permission...)}, the login page).
         *
         * @param pattern {@code /exact}, {@code /prefix/*} or {@code /*}
         * @param permissions one or more permissions
         * @return this builder
         */
        public Builder permissionRequired(String pattern, Permission... permissions) {
            return permissionRequired(pattern, Guard.OnDenied.FORBIDDEN, permissions);
        }

        /**
         * Requires a logged-in user holding every permission, choosing what one without gets.
         *
         * @param pattern {@code /exact}, {@code /prefix/*} or {@code /*}
         * @param onDenied 403, or a redirect to the login page
         * @param permissions one or more permissions
         * @return this builder
         */
        public Builder permissionRequired(String pattern, Guard.OnDenied onDenied, Permission... permissions) {
            return require(pattern, Guard.permissionRequired(permissions).onDenied(onDenied).withLogin(login));
        }

        /**
         * Requires an active staff user; others who are logged in get 403.
         *
         * @param pattern {@code /exact}, {@code /prefix/*} or {@code /*}
         * @return this builder
         */
        public Builder staffRequired(String pattern) {
            return require(pattern, Guard.staffRequired().withLogin(login));
        }

        /**
         * Builds the table.
         *
         * @return the rules
         */
        public GuardRules build() {
            return new GuardRules(rules);
        }

        private static Rule parse(String pattern, Guard guard) {
            Objects.requireNonNull(pattern, "pattern");
            boolean prefix = pattern.endsWith("/*");
            String base = prefix ? pattern.substring(0, pattern.length() - 2) : pattern;
            boolean valid = pattern.startsWith("/") && base.indexOf('*') < 0 && (prefix || !base.isEmpty())
                    && !RequestPaths.isAmbiguousDecoded(base.isEmpty() ? "/" : base)
                    && (base.length() <= 1 || !base.endsWith("/"));
            if (!valid) {
                throw new IllegalArgumentException("pattern must be an exact path such as /account, a prefix such as "
                        + "/members/*, or /*, without dot segments, '//', ';', '\\' or control characters; was \""
                        + pattern + "\".");
            }
            return new Rule(pattern, RequestPaths.folded(base), prefix, guard);
        }
    }
}
