package io.gatehouse.servlet.example;

import static io.gatehouse.servlet.example.Html.escape;

import io.gatehouse.login.LoginResult;
import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

// The README's login page (a form with the CSRF token, and the login it posts to), run by ReadmeExampleTest.
// Between the markers: a Java block of the README, character for character.
// README:start
public final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient ServletAuth auth;

    public LoginServlet(ServletAuth auth) {
        this.auth = auth;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        showForm(request, response, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LoginResult result = auth.login(request, response);   // checks the CSRF token, sets the cookie
        if (result.isSuccess()) {
            ServletAuth.redirect(response, auth.nextOrDefault(request));   // a safe `next`, or "/"
        } else {
            showForm(request, response, "Wrong username or password.");
        }
    }

    private void showForm(HttpServletRequest request, HttpServletResponse response, String error)
            throws IOException {
        String token = auth.csrfToken(request, response);   // also sets no-store and no-referrer
        String next = auth.nextOrDefault(request);
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write("<p>" + escape(error) + "</p><form method=\"post\" action=\"/login\">"
                + "<input type=\"hidden\" name=\"csrf_token\" value=\"" + token + "\">"
                + "<input type=\"hidden\" name=\"next\" value=\"" + escape(next) + "\">"
                + "<input name=\"login\"> <input type=\"password\" name=\"password\">"
                + "<label><input type=\"checkbox\" name=\"remember\"> Remember me</label>"
                + "<button>Log in</button></form>");
    }
}
// README:end
