package io.gatehouse.examples.demo;

import io.gatehouse.InvalidInputException;
import io.gatehouse.account.DeletionResult;
import io.gatehouse.account.EmailChangeRequestResult;
import io.gatehouse.account.EmailChangeResult;
import io.gatehouse.servlet.ServletAuth;
import io.gatehouse.session.Session;
import io.gatehouse.user.ProfileUpdate;
import io.gatehouse.user.User;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account}: the profile (names and language), email change, the user's sessions with "sign out other
 * sessions", and account deletion; plus {@code /account/email/confirm/<uid>/<token>}, the link mailed to a new
 * address. Everything but the confirmation link needs a login (guard rules).
 */
final class AccountServlet extends HttpServlet {
    private static final String CONFIRM_PREFIX = "/email/confirm";
    private static final long serialVersionUID = 1L;
    private final transient Web web;

    AccountServlet(Web web) {
        this.web = web;
    }

    /** One line of the sessions table. */
    record SessionRow(String created, String lastSeen, boolean persistent, boolean current) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInfo(request);
        if (path.startsWith(CONFIRM_PREFIX + "/")) {
            Optional<LinkPath> link = LinkPath.parse(path.substring(CONFIRM_PREFIX.length()));
            if (link.isEmpty()) {
                web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            web.page(request, response, "email-confirm", Map.of("uid", link.get().uid(), "token", link.get().token()));
        } else if (path.isEmpty() || "/".equals(path)) {
            if (ServletAuth.subject(request).isAuthenticated()) {
                show(request, response, Map.of());
            } else {
                web.redirect(response, "/login?next=/account");
            }
        } else {
            web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInfo(request);
        if (path.startsWith(CONFIRM_PREFIX + "/")) {
            confirmEmail(request, response, LinkPath.parse(path.substring(CONFIRM_PREFIX.length())));
            return;
        }
        Optional<User> user = ServletAuth.user(request);
        Optional<String> sessionId = web.sessionId(request);
        if (user.isEmpty() || sessionId.isEmpty()) {
            web.redirect(response, "/login?next=/account");
            return;
        }
        switch (path) {
            case "/profile" -> profile(request, response, user.get());
            case "/email" -> changeEmail(request, response, sessionId.get());
            case "/sessions/revoke-others" -> web.redirect(response, "/account", "ok.sessions_revoked",
                    web.gatehouse().sessions().revokeOthers(sessionId.get()));
            case "/delete" -> delete(request, response, sessionId.get());
            default -> web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Map<String, String> errors)
            throws IOException {
        User user = ServletAuth.user(request).orElseThrow();
        String current = web.sessionId(request).map(AccountServlet::sha256).orElse("");
        List<SessionRow> sessions = web.gatehouse().sessions().sessionsOf(user.id()).stream()
                .map(s -> row(s, current)).toList();
        web.page(request, response, "account", Map.of("user", user, "sessions", sessions, "errors", errors,
                "userLanguage", user.locale().getLanguage()));
    }

    private void profile(HttpServletRequest request, HttpServletResponse response, User user) throws IOException {
        Locale language = "ko".equals(Web.param(request, "language")) ? Locale.KOREAN : Locale.ENGLISH;
        try {
            web.gatehouse().accounts().updateProfile(user.id(),
                    new ProfileUpdate(Web.param(request, "first_name"), Web.param(request, "last_name"), language));
        } catch (InvalidInputException e) {
            show(request, response, Map.of("profile", Messages.get(web.locale(request), "account.error.name")));
            return;
        }
        web.redirect(response, "/account", "ok.profile_saved");
    }

    private void changeEmail(HttpServletRequest request, HttpServletResponse response, String sessionId)
            throws IOException {
        EmailChangeRequestResult result = web.gatehouse().emailChange().request(sessionId,
                Web.param(request, "password"), Web.param(request, "new_email"));
        Locale locale = web.locale(request);
        if (result instanceof EmailChangeRequestResult.ConfirmationSent) {
            web.redirect(response, "/account", "ok.email_change_sent");
        } else if (result instanceof EmailChangeRequestResult.Invalid invalid) {
            show(request, response, Map.of("email", invalid.error().message(locale)));
        } else if (result instanceof EmailChangeRequestResult.Throttled) {
            show(request, response, Map.of("email", Messages.get(locale, "password.error.throttled")));
        } else if (result instanceof EmailChangeRequestResult.WrongPassword) {
            show(request, response, Map.of("email", Messages.get(locale, "account.error.password")));
        } else {
            web.redirect(response, "/login?next=/account");
        }
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, String sessionId)
            throws IOException {
        DeletionResult result = web.gatehouse().accounts().deleteAccount(sessionId, Web.param(request, "password"));
        Locale locale = web.locale(request);
        if (result instanceof DeletionResult.Deleted) {
            web.clearSessionCookie(response);
            web.redirect(response, "/", "ok.account_deleted");
        } else if (result instanceof DeletionResult.WrongPassword) {
            show(request, response, Map.of("delete", Messages.get(locale, "account.error.password")));
        } else if (result instanceof DeletionResult.Throttled) {
            show(request, response, Map.of("delete", Messages.get(locale, "password.error.throttled")));
        } else {
            web.redirect(response, "/login?next=/account");
        }
    }

    private void confirmEmail(HttpServletRequest request, HttpServletResponse response, Optional<LinkPath> link)
            throws IOException {
        EmailChangeResult result = link.isEmpty() ? new EmailChangeResult.InvalidLink()
                : web.gatehouse().emailChange().confirm(link.get().uid(), link.get().token());
        String next = ServletAuth.subject(request).isAuthenticated() ? "/account" : "/login";
        if (result instanceof EmailChangeResult.Changed) {
            web.redirect(response, next, "ok.email_changed");
        } else if (result instanceof EmailChangeResult.AddressTaken) {
            web.redirect(response, next, "err.email_taken");
        } else {
            web.redirect(response, next, "err.link_invalid");
        }
    }

    private static SessionRow row(Session session, String currentHash) {
        return new SessionRow(Dates.format(session.createdAt()), Dates.format(session.lastSeenAt()),
                session.persistent(), session.idHash().equals(currentHash));
    }

    private static String pathInfo(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }

    /** Sessions are stored under the SHA-256 of their id; this finds the current one in the list. */
    private static String sha256(String sessionId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256.", e);
        }
    }
}
