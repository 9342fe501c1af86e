package io.gatehouse.guard;

import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A rule a request must pass, as Django's {@code login_required}, {@code permission_required} and
 * {@code staff_member_required} decorators: {@link #decide(Subject, String)} answers whether to let the
 * request through, send the visitor to log in, or refuse it.
 *
 * <pre>{@code
 * Guard editPosts = Guard.permissionRequired(Permission.of("blog.change_post"))
 *         .withLogin(LoginRedirects.to("/login"));
 * GuardDecision decision = editPosts.decide(subject, "/posts/7/edit");
 * }</pre>
 *
 * <p>Every guard first requires a logged-in, <em>active</em> user: anonymous subjects and inactive users are
 * both sent to log in (an inactive account is treated as logged out, as Django's {@code ModelBackend} does
 * when it refuses to load one). An interactive client (a browser) gets {@link GuardDecision.RedirectToLogin};
 * a non-interactive one (an API call that asked for JSON) gets {@link GuardDecision.Unauthorized}, since it
 * cannot follow a redirect to an HTML form.
 *
 * <p>A logged-in user that fails the guard's own requirement gets {@link GuardDecision.Forbidden} by default.
 * {@link #onDenied(OnDenied) onDenied(REDIRECT_TO_LOGIN)} sends it to the login page instead, like Django's
 * {@code raise_exception=False}; a non-interactive client still gets {@code Forbidden}. Beware that a login
 * page which itself redirects logged-in users away can then loop.
 *
 * <p>Immutable and thread-safe; the configuring methods return a changed copy.
 */
public final class Guard {
    /** What a logged-in user who fails a guard gets. */
    public enum OnDenied {
        /** Refuse with {@link GuardDecision.Forbidden} (403). The default. */
        FORBIDDEN,
        /** Send to the login page, to log in as someone else (Django's {@code raise_exception=False}). */
        REDIRECT_TO_LOGIN
    }

    private static final GuardDecision ALLOW = new GuardDecision.Allow();
    private static final GuardDecision FORBIDDEN = new GuardDecision.Forbidden();
    private static final GuardDecision UNAUTHORIZED = new GuardDecision.Unauthorized();

    private final List<Requirement> requirements;
    private final OnDenied onDenied;
    private final LoginRedirects login;

    private Guard(List<Requirement> requirements, OnDenied onDenied, LoginRedirects login) {
        this.requirements = List.copyOf(requirements);
        this.onDenied = onDenied;
        this.login = login;
    }

    private static Guard of(String name, Predicate<Subject> test) {
        return new Guard(List.of(new Requirement(name, test)), OnDenied.FORBIDDEN, LoginRedirects.defaults());
    }

    /**
     * Requires a logged-in, active user.
     *
     * @return the guard, redirecting to {@link LoginRedirects#defaults()}
     */
    public static Guard loginRequired() {
        return of("loginRequired", subject -> true);
    }

    /**
     * Requires a logged-in, active user holding every one of the permissions (an active superuser holds all).
     *
     * @param permissions one or more permissions
     * @return the guard; a user lacking one is {@link OnDenied#FORBIDDEN forbidden} unless configured otherwise
     * @throws IllegalArgumentException when no permission is given, since a guard that checks nothing is a bug
     */
    public static Guard permissionRequired(Permission... permissions) {
        Set<Permission> required = Set.copyOf(Arrays.asList(permissions));
        if (required.isEmpty()) {
            throw new IllegalArgumentException(
                    "permissionRequired needs at least one permission; use loginRequired() to require only a login.");
        }
        return of("permissionRequired" + required, subject -> subject.hasPerms(required));
    }

    /**
     * Requires a logged-in, active user with the staff flag: the admin area's gate. The superuser flag alone
     * does not pass, as in Django's admin. A logged-in non-staff user is {@link OnDenied#FORBIDDEN forbidden}
     * by default; {@code onDenied(REDIRECT_TO_LOGIN)} gives Django's {@code staff_member_required} behaviour
     * of showing the login page (point {@link #withLogin} at the admin login).
     *
     * @return the guard
     */
    public static Guard staffRequired() {
        return of("staffRequired", Subject::isStaff);
    }

    /**
     * Requires every one of the guards, checked in order; the first that does not allow decides, with its own
     * settings.
     *
     * @param guards one or more guards
     * @return the combined guard; {@link #onDenied} and {@link #withLogin} on it change every part
     * @throws IllegalArgumentException when no guard is given
     */
    public static Guard allOf(Guard... guards) {
        if (guards.length == 0) {
            throw new IllegalArgumentException("allOf needs at least one guard.");
        }
        List<Requirement> all = new ArrayList<>();
        for (Guard guard : guards) {
            for (Requirement requirement : Objects.requireNonNull(guard, "guard").requirements) {
                all.add(requirement.settled(guard.onDenied, guard.login));
            }
        }
        return new Guard(all, guards[0].onDenied, guards[0].login);
    }

    /**
     * What a logged-in user who fails this guard gets.
     *
     * @param choice forbid (the default) or redirect to login
     * @return a changed copy
     */
    public Guard onDenied(OnDenied choice) {
        Objects.requireNonNull(choice, "onDenied");
        return new Guard(requirements.stream().map(Requirement::unsettled).toList(), choice, login);
    }

    /**
     * Where to send visitors who must log in.
     *
     * @param redirects the login configuration
     * @return a changed copy
     */
    public Guard withLogin(LoginRedirects redirects) {
        Objects.requireNonNull(redirects, "redirects");
        return new Guard(requirements.stream().map(Requirement::unsettled).toList(), onDenied, redirects);
    }

    /**
     * Decides about a request from a browser.
     *
     * @param subject who the request acts as
     * @param requestedPathAndQuery the request's path and query, e.g. {@code /posts?page=2}; it becomes the
     *     {@code next} of a login redirect as {@link LoginRedirects#location(String)} describes
     * @return the decision
     */
    public GuardDecision decide(Subject subject, String requestedPathAndQuery) {
        return decide(subject, requestedPathAndQuery, true);
    }

    /**
     * Decides about a request.
     *
     * @param subject who the request acts as
     * @param requestedPathAndQuery the request's path and query
     * @param interactive true for a browser that can follow a redirect to the login form; false for an API
     *     client (one that asked for JSON), which gets {@code Unauthorized} or {@code Forbidden} instead
     * @return the decision
     */
    public GuardDecision decide(Subject subject, String requestedPathAndQuery, boolean interactive) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(requestedPathAndQuery, "requestedPathAndQuery");
        boolean loggedIn = subject.isAuthenticated() && subject.user().orElseThrow().active();
        for (Requirement requirement : requirements) {
            LoginRedirects where = requirement.login != null ? requirement.login : login;
            if (!loggedIn) {
                return interactive ? new GuardDecision.RedirectToLogin(where.location(requestedPathAndQuery))
                        : UNAUTHORIZED;
            }
            if (!requirement.test.test(subject)) {
                OnDenied choice = requirement.onDenied != null ? requirement.onDenied : onDenied;
                return interactive && choice == OnDenied.REDIRECT_TO_LOGIN
                        ? new GuardDecision.RedirectToLogin(where.location(requestedPathAndQuery))
                        : FORBIDDEN;
            }
        }
        return ALLOW;
    }

    @Override
    public String toString() {
        return "Guard" + requirements.stream().map(r -> r.name).toList() + "[onDenied=" + onDenied + ", login="
                + login.loginUrl() + "]";
    }

    /** One check, with the settings of the guard it came from once combined by {@link #allOf}. */
    private record Requirement(String name, Predicate<Subject> test, @Nullable OnDenied onDenied,
            @Nullable LoginRedirects login) {
        Requirement(String name, Predicate<Subject> test) {
            this(name, test, null, null);
        }

        Requirement settled(OnDenied guardOnDenied, LoginRedirects guardLogin) {
            return new Requirement(name, test, onDenied != null ? onDenied : guardOnDenied,
                    login != null ? login : guardLogin);
        }

        Requirement unsettled() {
            return new Requirement(name, test);
        }
    }
}
