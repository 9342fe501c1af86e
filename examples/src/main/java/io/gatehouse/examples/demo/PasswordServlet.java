package io.gatehouse.examples.demo;

import io.gatehouse.account.PasswordChange;
import io.gatehouse.account.ResetRequestResult;
import io.gatehouse.account.ResetResult;
import io.gatehouse.password.validation.PasswordViolation;
import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /password/change} (logged in), {@code /password/reset} (ask for a link) and
 * {@code /password/reset/<uid>/<token>} (the link).
 *
 * <p>Security note: the reset link's token does not stay in the address bar. Following the link moves it into a
 * short-lived, HttpOnly cookie scoped to {@code /password/reset} and redirects to the token-free
 * {@code /password/reset/confirm}, as Django moves it into the session; so the token cannot leak through the
 * browser history, a Referer header or a screenshot of the form. Every page here says
 * {@code Referrer-Policy: no-referrer} too.
 */
final class PasswordServlet extends HttpServlet {
    static final String RESET_COOKIE = "demo_reset";
    static final String CONFIRM_PATH = "/password/reset/confirm";
    private static final int RESET_COOKIE_SECONDS = 15 * 60;
    private static final long serialVersionUID = 1L;
    private final transient Web web;

    PasswordServlet(Web web) {
        this.web = web;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletAuth.authPageHeaders(response);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if ("/password/change".equals(path)) {
            web.page(request, response, "password-change", Map.of("errors", List.of()));
        } else if ("/password/reset".equals(path)) {
            web.page(request, response, "password-reset", Map.of("email", "", "error", ""));
        } else if (CONFIRM_PATH.equals(path)) {
            Optional<LinkPath> link = resetLink(request);
            boolean valid = link.isPresent() && web.gatehouse().passwordReset().checkLink(link.get().uid(),
                    link.get().token());
            web.page(request, response, "password-reset-confirm", Map.of("valid", valid, "errors", List.of()));
        } else {
            Optional<LinkPath> link = LinkPath.parse(request.getPathInfo());
            if (link.isEmpty()) {
                web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            // Only a link that checks is kept; either way the next page has a clean address.
            boolean valid = web.gatehouse().passwordReset().checkLink(link.get().uid(), link.get().token());
            response.addHeader("Set-Cookie", valid ? resetCookie(link.get().uid() + "." + link.get().token(),
                    RESET_COOKIE_SECONDS) : resetCookie("", 0));
            web.redirect(response, CONFIRM_PATH);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if ("/password/change".equals(path)) {
            change(request, response);
        } else if ("/password/reset".equals(path)) {
            String email = Web.param(request, "email");
            ResetRequestResult result = web.gatehouse().passwordReset().request(email);
            if (result instanceof ResetRequestResult.Invalid invalid) {
                web.page(request, response, "password-reset",
                        Map.of("email", email, "error", invalid.error().message(web.locale(request))));
            } else {
                web.redirect(response, "/login", "ok.reset_requested");
            }
        } else if (CONFIRM_PATH.equals(path)) {
            confirm(request, response);
        } else {
            web.error(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        }
    }

    private void change(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PasswordChange result = web.auth().changePassword(request, response);
        if (result instanceof PasswordChange.Changed) {
            web.redirect(response, "/account", "ok.password_changed");
        } else if (result instanceof PasswordChange.NotLoggedIn) {
            web.redirect(response, "/login?next=/password/change");
        } else {
            Locale locale = web.locale(request);
            List<String> errors;
            if (result instanceof PasswordChange.Rejected rejected) {
                errors = messages(rejected.violations(), locale);
            } else if (result instanceof PasswordChange.Throttled) {
                errors = List.of(Messages.get(locale, "password.error.throttled"));
            } else {
                errors = List.of(Messages.get(locale, "password.error.wrong_current"));
            }
            web.page(request, response, "password-change", Map.of("errors", errors));
        }
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<LinkPath> link = resetLink(request);
        ResetResult result = link.isEmpty() ? new ResetResult.InvalidLink()
                : web.gatehouse().passwordReset().confirm(link.get().uid(), link.get().token(),
                        Web.param(request, "new_password"));
        if (result instanceof ResetResult.Reset) {
            response.addHeader("Set-Cookie", resetCookie("", 0));
            web.redirect(response, "/login", "ok.reset_done");
        } else if (result instanceof ResetResult.Rejected rejected) {
            web.page(request, response, "password-reset-confirm",
                    Map.of("valid", true, "errors", messages(rejected.violations(), web.locale(request))));
        } else {
            response.addHeader("Set-Cookie", resetCookie("", 0));
            web.page(request, response, "password-reset-confirm", Map.of("valid", false, "errors", List.of()));
        }
    }

    private static List<String> messages(List<PasswordViolation> violations, Locale locale) {
        return violations.stream().map(v -> v.message(locale)).toList();
    }

    private String resetCookie(String value, int maxAge) {
        return RESET_COOKIE + "=" + value + "; Max-Age=" + maxAge + "; Path=/password/reset; HttpOnly; SameSite=Lax"
                + (web.secureCookies() ? "; Secure" : "");
    }

    private static Optional<LinkPath> resetLink(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (RESET_COOKIE.equals(cookie.getName())) {
                String value = cookie.getValue();
                int dot = value.indexOf('.');
                return dot < 0 ? Optional.empty()
                        : LinkPath.parse("/" + value.substring(0, dot) + "/" + value.substring(dot + 1));
            }
        }
        return Optional.empty();
    }
}
