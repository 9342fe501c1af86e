package io.gatehouse.servlet.example;

import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

// The README's logout (POST only), run by ReadmeExampleTest.
// Between the markers: a Java block of the README, character for character.
// README:start
public final class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient ServletAuth auth;

    public LogoutServlet(ServletAuth auth) {
        this.auth = auth;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        auth.logout(request, response);   // answers 405: logging out takes a POST
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (auth.logout(request, response)) {
            ServletAuth.redirect(response, "/");
        }
    }
}
// README:end
