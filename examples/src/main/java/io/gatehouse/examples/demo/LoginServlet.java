package io.gatehouse.examples.demo;

import io.gatehouse.login.LoginResult;
import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** {@code /login} (the form; the login itself is {@link ServletAuth#login}) and {@code /logout} (POST only). */
final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Web web;

    LoginServlet(Web web) {
        this.web = web;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/logout".equals(request.getServletPath())) {
            web.auth().logout(request, response); // answers 405: logging out takes a POST
            return;
        }
        form(request, response, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/logout".equals(request.getServletPath())) {
            if (web.auth().logout(request, response)) {
                web.redirect(response, "/", "ok.logged_out");
            }
            return;
        }
        LoginResult result = web.auth().login(request, response);
        if (result.isSuccess()) {
            web.redirect(response, web.auth().nextOrDefault(request), "ok.logged_in");
            return;
        }
        String error;
        if (result instanceof LoginResult.Throttled) {
            error = "login.error.throttled";
        } else if (result instanceof LoginResult.NotVerified) {
            error = "login.error.not_verified";
        } else {
            // Inactive is told apart only after the right password; the demo still keeps it vague.
            error = "login.error.invalid";
        }
        form(request, response, error);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, String error) throws IOException {
        web.page(request, response, "login", Map.of("next", web.auth().nextOrDefault(request),
                "login", Web.param(request, ServletAuth.LOGIN_FIELD), "error", error));
    }
}
