package io.gatehouse.servlet;

import io.gatehouse.Gatehouse;
import io.gatehouse.InvalidInputException;
import io.gatehouse.StoreException;
import io.gatehouse.account.PasswordChange;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.guard.Guard;
import io.gatehouse.guard.GuardDecision;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.permission.Subject;
import io.gatehouse.session.NewSession;
import io.gatehouse.user.User;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gatehouse for servlet applications: the filters (authentication, guards, CSRF, auth-page headers) and the
 * helpers a login, logout or password-change servlet calls. What Django's {@code SessionMiddleware},
 * {@code AuthenticationMiddleware}, {@code CsrfViewMiddleware}, {@code login_required} and
 * {@code permission_required} give a Django project.
 *
 * <pre>{@code
 * ServletAuth auth = ServletAuth.builder(gatehouse, keys)
 *         .loginRedirects(LoginRedirects.to("/login"))
 *         .build();
 * GuardRules rules = auth.rules()
 *         .loginRequired("/members/*")
 *         .permissionRequired("/reports/*", Permission.of("reports.view_report"))
 *         .staffRequired("/staff/*")
 *         .build();
 * auth.install(servletContext, rules);            // in a ServletContextListener or initializer
 *
 * // in the login servlet's doPost:
 * LoginResult result = auth.login(request, response);
 * if (result.isSuccess()) {
 *     ServletAuth.redirect(response, auth.nextOrDefault(request));
 * }
 * }</pre>
 *
 * <p><b>The request path.</b> The authentication filter reads the session cookie and makes one call into core,
 * {@link Gatehouse#subject(String)}, once per request. Behind it {@code getUserPrincipal()} is a
 * {@link GatehousePrincipal}, {@code getRemoteUser()} the username, and {@code isUserInRole(role)} answers
 * {@code "staff"}, {@code "superuser"}, {@code "**"} (any logged-in user) and permission names such as
 * {@code "reports.view_report"}. {@link #subject(HttpServletRequest)} gives the typed {@link Subject}.
 * Anonymous requests and unknown cookies never write to the session store.
 *
 * <p><b>Failures.</b> When a store fails ({@link StoreException}, e.g. the database is down) while resolving the
 * subject, in a guard or in a helper, the answer is 503: never an allowed request. A rejected CSRF token
 * ({@link CsrfRejectedException}) becomes 403.
 *
 * <p><b>CSRF.</b> See {@link #csrfToken}. <b>Cookies.</b> See {@link CookiePolicy}.
 *
 * <p>Immutable and thread-safe: build one per application.
 */
public final class ServletAuth {
    /** The login form's username-or-email field. */
    public static final String LOGIN_FIELD = "login";
    /** The login form's password field. */
    public static final String PASSWORD_FIELD = "password";
    /** The login form's "remember me" checkbox; checked when {@code on}, {@code true}, {@code 1} or {@code yes}. */
    public static final String REMEMBER_FIELD = "remember";
    /** The field (or query parameter) carrying where to go after login. */
    public static final String NEXT_FIELD = "next";
    /** The password-change form's current password field. */
    public static final String CURRENT_PASSWORD_FIELD = "current_password";
    /** The password-change form's new password field. */
    public static final String NEW_PASSWORD_FIELD = "new_password";
    /** The hidden form field carrying the CSRF token. */
    public static final String CSRF_FIELD = "csrf_token";
    /** The request header that may carry the CSRF token instead (for scripts). */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private static final Logger LOG = LoggerFactory.getLogger(ServletAuth.class);
    private static final Set<String> CHECKED = Set.of("on", "true", "1", "yes");

    private final Gatehouse gatehouse;
    private final CookiePolicy cookies;
    private final LoginRedirects loginRedirects;
    private final String defaultRedirect;
    private final Function<HttpServletRequest, String> clientAddress;
    private final CsrfTokens csrf;

    private ServletAuth(Builder b) {
        gatehouse = b.gatehouse;
        cookies = b.cookies;
        loginRedirects = b.loginRedirects;
        defaultRedirect = b.defaultRedirect;
        clientAddress = b.clientAddress;
        csrf = new CsrfTokens(b.keys, b.random, b.cookies);
        if (!cookies.secure()) {
            LOG.warn("Gatehouse cookies are not Secure ({}): use this for http://localhost development only.",
                    cookies);
        }
    }

    /**
     * Starts a builder.
     *
     * @param gatehouse the core services
     * @param keys the key ring CSRF tokens are signed with; normally the one the {@code Gatehouse} was built
     *     with (a separate purpose keeps the MACs apart)
     * @return a builder with {@link CookiePolicy#secureDefaults()}, {@link LoginRedirects#defaults()}, a default
     *     redirect of {@code /} and the client address from {@code getRemoteAddr()}
     */
    public static Builder builder(Gatehouse gatehouse, SecretKeyRing keys) {
        return new Builder(gatehouse, keys);
    }

    /**
     * The cookie policy in use.
     *
     * @return the policy
     */
    public CookiePolicy cookies() {
        return cookies;
    }

    /**
     * Where visitors who must log in are sent.
     *
     * @return the login configuration
     */
    public LoginRedirects loginRedirects() {
        return loginRedirects;
    }

    /**
     * A guard table whose convenience methods use this instance's login page.
     *
     * @return a new builder
     */
    public GuardRules.Builder rules() {
        return GuardRules.builder(loginRedirects);
    }

    /**
     * The authentication filter: resolves the subject from the session cookie and exposes it through the
     * servlet API (see the class description). Map it to {@code /*} for every dispatcher type, before every
     * other filter; on a store failure it answers 503.
     *
     * @return a new filter
     */
    public Filter authenticationFilter() {
        return new AuthenticationFilter(this);
    }

    /**
     * The guard filter: refuses ambiguous paths with 400 and applies the rules to the container's normalised
     * path. Map it to {@code /*} for {@code REQUEST}, {@code FORWARD}, {@code INCLUDE} and {@code ASYNC}; on a
     * forward it checks the forwarded path, on an include the included one (a refused include fails with a
     * {@code ServletException}, since an included resource cannot set the status).
     *
     * @param rules which guard protects which URLs
     * @return a new filter
     */
    public Filter guardFilter(GuardRules rules) {
        return new GuardFilter(this, Objects.requireNonNull(rules, "rules"));
    }

    /**
     * The CSRF filter: every request with an unsafe method (anything but GET, HEAD, OPTIONS and TRACE) must
     * carry a valid token in the {@value #CSRF_FIELD} form field or the {@value #CSRF_HEADER} header, or it
     * gets 403. Map it to {@code /*} for {@code REQUEST}, after the authentication filter.
     *
     * @return a new filter
     */
    public Filter csrfFilter() {
        return new CsrfFilter(this);
    }

    /**
     * A filter that sets {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer} on every
     * response: map it to the login, logout, password and sign-up pages. ({@link #csrfToken} and the helpers
     * set the same headers themselves.)
     *
     * @return a new filter
     */
    public Filter authPageFilter() {
        return (request, response, chain) -> {
            if (response instanceof HttpServletResponse http) {
                Responses.authPageHeaders(http);
            }
            chain.doFilter(request, response);
        };
    }

    /**
     * Registers the authentication, guard and CSRF filters on {@code /*}, in that order, with the dispatcher
     * types their javadoc names. Call it while the context starts: from a
     * {@code ServletContextListener.contextInitialized} or a {@code ServletContainerInitializer}.
     *
     * @param context the servlet context
     * @param rules which guard protects which URLs
     */
    public void install(ServletContext context, GuardRules rules) {
        Objects.requireNonNull(context, "context");
        context.addFilter("gatehouse-authentication", authenticationFilter())
                .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
        context.addFilter("gatehouse-guards", guardFilter(rules)).addMappingForUrlPatterns(
                EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE,
                        DispatcherType.ASYNC), true, "/*");
        context.addFilter("gatehouse-csrf", csrfFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    /**
     * Who the request acts as: the typed accessor behind {@code getUserPrincipal()}.
     *
     * @param request a request that passed the authentication filter
     * @return the logged-in subject, or {@link Subject#anonymous()}
     * @throws IllegalStateException when the authentication filter did not run for this request
     */
    public static Subject subject(HttpServletRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.getAttribute(RequestState.ATTRIBUTE) instanceof RequestState state) {
            return state.subject();
        }
        throw new IllegalStateException("No Gatehouse subject on this request: register "
                + "ServletAuth.authenticationFilter() (or call ServletAuth.install) for every URL.");
    }

    /**
     * The logged-in user, if any.
     *
     * @param request a request that passed the authentication filter
     * @return the user, or empty when anonymous
     * @throws IllegalStateException when the authentication filter did not run for this request
     */
    public static Optional<User> user(HttpServletRequest request) {
        return subject(request).user();
    }

    /**
     * A CSRF token for a form in this response, to put in a hidden {@value #CSRF_FIELD} field. It also sets
     * {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}, since the page now carries a
     * token; call it before the response is committed.
     *
     * <p>Design: a synchronizer token that needs no server-side storage.
     * <ul>
     *   <li>For a logged-in request the token is an HMAC (key ring, purpose {@code gatehouse.csrf}) of the
     *       session id: it is tied to the session, changes at login and at password change (both issue a new
     *       id) and dies at logout, and reveals nothing about the id, since an HMAC cannot be inverted.</li>
     *   <li>For an anonymous request (login, sign-up, password reset) it is an HMAC of a separate random
     *       256-bit CSRF cookie, set here when missing and replaced at login and logout. Nothing is written to
     *       the session store, so anonymous traffic stays free.</li>
     *   <li>Each call masks the MAC with fresh random bytes, so the token differs in every response and a
     *       compression side channel (BREACH) has no stable secret to recover.</li>
     *   <li>Checking recomputes the HMAC and compares in constant time ({@code MessageDigest.isEqual}).</li>
     * </ul>
     * Why it is safe: another site can neither read the token (same-origin policy) nor compute one (it would
     * need the server key). It cannot reuse a token of its own either: that token is bound to the attacker's
     * session or CSRF cookie, and to plant that cookie in the victim's browser it would have to set a
     * {@code __Host-} cookie, which browsers accept only from this very origin over HTTPS (no subdomain, no
     * plain-HTTP network attacker). And {@code SameSite=Lax} keeps both cookies off cross-site POSTs in the
     * first place, so a forged form arrives without the cookie its token would need.
     *
     * @param request the request being answered
     * @param response its response, not yet committed
     * @return the token, 86 URL-safe characters
     * @throws StoreException when the subject must be resolved and the store fails
     */
    public String csrfToken(HttpServletRequest request, HttpServletResponse response) {
        Objects.requireNonNull(response, "response");
        Responses.authPageHeaders(response);
        return csrf.tokenFor(state(request), response);
    }

    /**
     * Tells whether the request carries a valid CSRF token, in the {@value #CSRF_FIELD} form field (never the
     * query string: a request with the token in its URL is refused) or the {@value #CSRF_HEADER} header. Never
     * throws for a malformed token.
     *
     * @param request the request
     * @return true when the token matches this request's session (or anonymous CSRF cookie)
     */
    public boolean csrfValid(HttpServletRequest request) {
        RequestState state = state(request);
        if (state.csrfVerified()) {
            return true;
        }
        if (inQueryString(request, CSRF_FIELD)) {
            // getParameter merges the query string into the form; a token in a URL leaks into logs, history
            // and Referer headers, so a request that carries one there is refused outright (Django reads the
            // body only).
            return false;
        }
        String token = request.getHeader(CSRF_HEADER);
        if (token == null) {
            token = request.getParameter(CSRF_FIELD);
        }
        if (csrf.isValid(state, token)) {
            state.markCsrfVerified();
            return true;
        }
        return false;
    }

    private static boolean inQueryString(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                key = URLDecoder.decode(key, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // A malformed escape is no parameter name the container would decode to ours either.
                continue;
            }
            if (key.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Logs in from a POSTed form ({@value #LOGIN_FIELD}, {@value #PASSWORD_FIELD}, {@value #REMEMBER_FIELD})
     * with the client address of the configured resolver (by default {@code getRemoteAddr()}; no
     * {@code X-Forwarded-For} is trusted). On success the new session cookie is set, with a {@code Max-Age} only
     * when "remember me" was checked, and the anonymous CSRF cookie is replaced.
     *
     * <p>Security note (fixation): the session id the browser held before is passed to core, which deletes
     * that session; the new id is fresh, so an id planted before login is never honoured after it.
     *
     * @param request a POST that passed (or carries) a valid CSRF token
     * @param response the response, not yet committed
     * @return the core's result; on {@link LoginResult.Success} the cookie is already set
     * @throws CsrfRejectedException when the CSRF token is missing or wrong (the authentication filter answers
     *     403)
     * @throws IllegalStateException when the request is not a POST
     * @throws StoreException when a store fails (the authentication filter answers 503)
     */
    public LoginResult login(HttpServletRequest request, HttpServletResponse response) {
        requirePostWithCsrf(request, "login");
        Responses.authPageHeaders(response);
        RequestState state = state(request);
        LoginRequest attempt = LoginRequest.of(parameter(request, LOGIN_FIELD), parameter(request, PASSWORD_FIELD))
                .from(addressOf(request))
                .rememberMe(CHECKED.contains(parameter(request, REMEMBER_FIELD).toLowerCase(Locale.ROOT)))
                .replacing(state.presentedSessionCookie());
        LoginResult result = gatehouse.authenticator().login(attempt);
        if (result instanceof LoginResult.Success success) {
            startSession(state, response, success.session());
        }
        return result;
    }

    /**
     * Where to go after a successful login: the {@value #NEXT_FIELD} parameter when it is a relative path on
     * this site ({@link LoginRedirects#isSafe}), else the default redirect.
     *
     * @param request the login request
     * @return a safe relative path
     */
    public String nextOrDefault(HttpServletRequest request) {
        return LoginRedirects.resolve(request.getParameter(NEXT_FIELD), defaultRedirect);
    }

    /**
     * Sends a 302 to a location exactly as given ({@code Cache-Control: no-store}), without the container's
     * rewriting into an absolute URL built from the request's Host header.
     *
     * @param response the response
     * @param location a relative path such as {@link #nextOrDefault} returns
     */
    public static void redirect(HttpServletResponse response, String location) {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(location, "location");
        Responses.redirect(response, location);
    }

    /**
     * Logs out, POST only: deletes the server-side session, expires the session cookie and replaces the CSRF
     * cookie. Any other method gets 405 with {@code Allow: POST}, so a link or an image tag cannot log anyone
     * out.
     *
     * @param request the request
     * @param response the response, not yet committed
     * @return true when the request was a POST and the logout done (the caller redirects); false when 405 was
     *     answered
     * @throws CsrfRejectedException when a POST's CSRF token is missing or wrong
     * @throws StoreException when the store fails
     * @throws IOException when the 405 cannot be written
     */
    public boolean logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.authPageHeaders(response);
        if (!"POST".equals(request.getMethod())) {
            Responses.methodNotAllowed(request, response, "POST");
            return false;
        }
        requirePostWithCsrf(request, "logout");
        RequestState state = state(request);
        String presented = state.presentedSessionCookie();
        if (presented != null) {
            gatehouse.authenticator().logout(presented);
        }
        response.addHeader("Set-Cookie", cookies.expiredSessionCookie());
        state.sessionEnded();
        csrf.issueAnonymousCookie(state, response);
        return true;
    }

    /**
     * Changes the logged-in user's password from a POSTed form ({@value #CURRENT_PASSWORD_FIELD},
     * {@value #NEW_PASSWORD_FIELD}). On success the session continues under a new id (the cookie is replaced)
     * and every other session of the user ends: another browser is logged out on its next request.
     *
     * @param request a POST with a valid CSRF token
     * @param response the response, not yet committed
     * @return the core's result; {@link PasswordChange.NotLoggedIn} for an anonymous request
     * @throws CsrfRejectedException when the CSRF token is missing or wrong
     * @throws IllegalStateException when the request is not a POST
     * @throws StoreException when a store fails
     */
    public PasswordChange changePassword(HttpServletRequest request, HttpServletResponse response) {
        requirePostWithCsrf(request, "changePassword");
        Responses.authPageHeaders(response);
        RequestState state = state(request);
        String session = state.liveSessionId();
        if (session == null) {
            return new PasswordChange.NotLoggedIn();
        }
        PasswordChange result = gatehouse.accounts().changePassword(session,
                parameter(request, CURRENT_PASSWORD_FIELD), parameter(request, NEW_PASSWORD_FIELD));
        if (result instanceof PasswordChange.Changed changed) {
            NewSession continued = changed.session();
            response.addHeader("Set-Cookie", cookies.sessionCookie(continued.id(), continued.cookieMaxAge()));
            state.sessionIssued(continued.id());
        }
        return result;
    }

    /**
     * Applies a guard inside a servlet (the programmatic twin of the guard filter).
     *
     * <pre>{@code
     * if (!auth.require(request, response, Guard.permissionRequired(Permission.of("blog.change_post")))) {
     *     return; // the redirect, 401, 403 or 503 has been sent
     * }
     * }</pre>
     *
     * @param request the request
     * @param response the response, not yet committed
     * @param guard the guard; its login page is its own ({@link Guard#withLogin})
     * @return true when the request may proceed; false when the response has been answered
     * @throws IOException when the refusal cannot be written
     */
    public boolean require(HttpServletRequest request, HttpServletResponse response, Guard guard) throws IOException {
        Objects.requireNonNull(guard, "guard");
        Subject subject;
        try {
            subject = state(request).subject();
        } catch (StoreException e) {
            storeFailed(request, response, e);
            return false;
        }
        GuardDecision decision = guard.decide(subject, RequestPaths.requestedPathAndQuery(request),
                !Responses.wantsJson(request));
        if (decision.allowed()) {
            return true;
        }
        Responses.deny(request, response, decision);
        return false;
    }

    /**
     * Sets {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}: for pages that show a
     * form with a token, a password field or personal data.
     *
     * @param response the response, not yet committed
     */
    public static void authPageHeaders(HttpServletResponse response) {
        Responses.authPageHeaders(Objects.requireNonNull(response, "response"));
    }

    @Override
    public String toString() {
        return "ServletAuth[" + cookies + ", login=" + loginRedirects.loginUrl() + "]";
    }

    /** The request's state, resolving the subject on first use: the one call into core per request. */
    RequestState state(HttpServletRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.getAttribute(RequestState.ATTRIBUTE) instanceof RequestState state) {
            return state;
        }
        String sessionCookie = singleCookie(request, cookies.sessionCookieName());
        Subject subject = gatehouse.subject(sessionCookie);
        RequestState state = new RequestState(subject, sessionCookie, singleCookie(request, cookies.csrfCookieName()));
        request.setAttribute(RequestState.ATTRIBUTE, state);
        return state;
    }

    void storeFailed(HttpServletRequest request, HttpServletResponse response, StoreException e) throws IOException {
        // The URI is left out: some carry tokens (password-reset links).
        LOG.warn("A store failed while serving a {} request; answered 503.", request.getMethod(), e);
        if (response.isCommitted()) {
            throw e;
        }
        Responses.unavailable(request, response);
    }

    private void requirePostWithCsrf(HttpServletRequest request, String operation) {
        if (!"POST".equals(request.getMethod())) {
            throw new IllegalStateException(operation + " must be called for a POST request, was "
                    + request.getMethod() + ".");
        }
        if (!csrfValid(request)) {
            throw new CsrfRejectedException(operation);
        }
    }

    private void startSession(RequestState state, HttpServletResponse response, NewSession session) {
        response.addHeader("Set-Cookie", cookies.sessionCookie(session.id(), session.cookieMaxAge()));
        state.sessionIssued(session.id());
        csrf.issueAnonymousCookie(state, response);
    }

    private String addressOf(HttpServletRequest request) {
        String address = clientAddress.apply(request);
        try {
            LoginRequest.of("", "").from(address == null ? "" : address);
            return address == null ? "" : address;
        } catch (InvalidInputException unusable) {
            return "";
        }
    }

    private static String parameter(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /**
     * The value of the one cookie with this name; none when absent or sent more than once, since two cookies of
     * one name mean one was planted (possible only for cookies without the {@code __Host-} prefix).
     */
    private static @Nullable String singleCookie(HttpServletRequest request, String name) {
        Cookie[] all = request.getCookies();
        if (all == null) {
            return null;
        }
        String found = null;
        for (Cookie cookie : all) {
            if (cookie.getName().equals(name)) {
                if (found != null) {
                    return null;
                }
                found = cookie.getValue();
            }
        }
        return found;
    }

    /** Collects what {@link ServletAuth} is built from. Not thread-safe. */
    public static final class Builder {
        private final Gatehouse gatehouse;
        private final SecretKeyRing keys;
        private CookiePolicy cookies = CookiePolicy.secureDefaults();
        private LoginRedirects loginRedirects = LoginRedirects.defaults();
        private String defaultRedirect = "/";
        private Function<HttpServletRequest, String> clientAddress = HttpServletRequest::getRemoteAddr;
        private SecureRandom random = new SecureRandom();

        private Builder(Gatehouse gatehouse, SecretKeyRing keys) {
            this.gatehouse = Objects.requireNonNull(gatehouse, "gatehouse");
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /**
         * Sets the cookie policy.
         *
         * @param value e.g. {@link CookiePolicy#developmentLocalhost()} for plain-HTTP development
         * @return this builder
         */
        public Builder cookies(CookiePolicy value) {
            cookies = Objects.requireNonNull(value, "cookies");
            return this;
        }

        /**
         * Sets the login page that guards send visitors to.
         *
         * @param value e.g. {@code LoginRedirects.to("/login")}
         * @return this builder
         */
        public Builder loginRedirects(LoginRedirects value) {
            loginRedirects = Objects.requireNonNull(value, "loginRedirects");
            return this;
        }

        /**
         * Sets where a login goes when {@code next} is absent or unsafe.
         *
         * @param value a relative path on this site, default {@code /}
         * @return this builder
         * @throws InvalidInputException naming {@code defaultRedirect} when it is not a safe relative path
         */
        public Builder defaultRedirect(String value) {
            Objects.requireNonNull(value, "defaultRedirect");
            if (!LoginRedirects.isSafe(value)) {
                throw new InvalidInputException("defaultRedirect", "default_redirect_unsafe",
                        "The default redirect must be a relative path on this site, such as /.");
            }
            defaultRedirect = value;
            return this;
        }

        /**
         * Sets how the client address used for login throttling is found. The default,
         * {@code getRemoteAddr()}, is right unless a reverse proxy stands in front; then read the header
         * <em>your</em> proxy sets, and only when the request came from it, since clients can send any
         * {@code X-Forwarded-For} they like. An address that is too long or malformed counts as unknown.
         *
         * @param value the resolver
         * @return this builder
         */
        public Builder clientAddress(Function<HttpServletRequest, String> value) {
            clientAddress = Objects.requireNonNull(value, "clientAddress");
            return this;
        }

        /**
         * Sets the source of CSRF cookies and token masks.
         *
         * @param value a strong random source
         * @return this builder
         */
        public Builder random(SecureRandom value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * Builds the servlet integration.
         *
         * @return the instance
         */
        public ServletAuth build() {
            return new ServletAuth(this);
        }
    }
}
