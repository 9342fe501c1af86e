package io.gatehouse.examples.demo;

import io.gatehouse.Gatehouse;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What every page of the demo needs: the Gatehouse services, the servlet integration, the views, flash messages
 * and the language of the request. Servlets hold one and call it; it keeps no per-request state. Thread-safe.
 */
final class Web {
    /** Who is logged in, as the page header shows it. */
    record Me(long id, String username, boolean staff, boolean superuser) {
    }

    private final Gatehouse gatehouse;
    private final ServletAuth auth;
    private final Views views;
    private final Flash flash;
    private final @Nullable EmbeddedInbox inbox;

    Web(Gatehouse gatehouse, ServletAuth auth, Views views, Flash flash, @Nullable EmbeddedInbox inbox) {
        this.gatehouse = Objects.requireNonNull(gatehouse, "gatehouse");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.views = Objects.requireNonNull(views, "views");
        this.flash = Objects.requireNonNull(flash, "flash");
        this.inbox = inbox;
    }

    Gatehouse gatehouse() {
        return gatehouse;
    }

    ServletAuth auth() {
        return auth;
    }

    Optional<EmbeddedInbox> inbox() {
        return Optional.ofNullable(inbox);
    }

    boolean secureCookies() {
        return auth.cookies().secure();
    }

    Locale locale(HttpServletRequest request) {
        return Messages.choose(Collections.list(request.getLocales()));
    }

    /** Renders a page with status 200. */
    void page(HttpServletRequest request, HttpServletResponse response, String template, Map<String, ?> model)
            throws IOException {
        page(request, response, HttpServletResponse.SC_OK, template, model);
    }

    /**
     * Renders a page. Adds what the layout shows: the user, a CSRF token for the forms (which also sets
     * {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}), and the flash message the
     * request carries, whose cookie is then cleared.
     */
    void page(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, ?> model) throws IOException {
        Locale locale = locale(request);
        Map<String, Object> all = new HashMap<>(model);
        Subject subject = ServletAuth.subject(request);
        all.put("me", subject.user().map(u -> new Me(u.id(), u.username(), subject.isStaff(), subject.isSuperuser()))
                .orElse(null));
        all.put("csrf", auth.csrfToken(request, response));
        all.put("inboxEnabled", inbox != null);
        all.put("lang", locale.getLanguage());
        String flashCookie = Flash.cookieValue(request);
        if (flashCookie != null) {
            Optional<Flash.Message> message = flash.read(flashCookie);
            all.put("flash", message.map(m -> m.text(locale)).orElse(null));
            all.put("flashError", message.map(Flash.Message::error).orElse(false));
            response.addHeader("Set-Cookie", flash.clearing());
        }
        views.render(request, response, status, template, locale, all);
    }

    /** A 302 to a path of this site, carrying a message for the next page. */
    void redirect(HttpServletResponse response, String location, String flashKey, long count) {
        response.addHeader("Set-Cookie", flash.cookie(new Flash.Message(flashKey, count)));
        ServletAuth.redirect(response, location);
    }

    void redirect(HttpServletResponse response, String location, String flashKey) {
        redirect(response, location, flashKey, 0);
    }

    void redirect(HttpServletResponse response, String location) {
        ServletAuth.redirect(response, location);
    }

    /** The error page: 403, 404, 405. */
    void error(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        page(request, response, status, "error", Map.of("status", status));
    }

    /**
     * Lets the request through when the user is active staff (and holds the permission, when one is named);
     * otherwise answers the 403 page. Anonymous visitors never get here: the guard rules send them to log in.
     */
    boolean allowAdmin(HttpServletRequest request, HttpServletResponse response, @Nullable Permission permission)
            throws IOException {
        Subject subject = ServletAuth.subject(request);
        if (subject.isStaff() && (permission == null || subject.hasPerm(permission))) {
            return true;
        }
        error(request, response, HttpServletResponse.SC_FORBIDDEN);
        return false;
    }

    /** The session cookie's value, for the core calls that take the session id. */
    Optional<String> sessionId(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String name = auth.cookies().sessionCookieName();
        String found = null;
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = cookie.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Expires the session cookie (after the account it belonged to is deleted). */
    void clearSessionCookie(HttpServletResponse response) {
        response.addHeader("Set-Cookie", auth.cookies().sessionCookieName() + "=; Max-Age=0; Path=/; HttpOnly; "
                + "SameSite=Lax" + (secureCookies() ? "; Secure" : ""));
    }

    /** A form field, or {@code ""} when absent. */
    static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}
