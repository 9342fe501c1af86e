package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.permission.Permission;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * The README section "Protecting a servlet application", compiled and run: {@link AuthSetup},
 * {@link LoginServlet} and {@link LogoutServlet} are the README's code, character for character.
 */
class ReadmeExampleTest {

    // README: begin
    public static final class AuthSetup implements ServletContextListener {
        private final Gatehouse gatehouse;
        private final SecretKeyRing keys;

        public AuthSetup(Gatehouse gatehouse, SecretKeyRing keys) {
            this.gatehouse = gatehouse;
            this.keys = keys;
        }

        @Override
        public void contextInitialized(ServletContextEvent event) {
            ServletAuth auth = ServletAuth.builder(gatehouse, keys)
                    .cookies(CookiePolicy.developmentLocalhost())   // plain http://localhost only; drop in production
                    .loginRedirects(LoginRedirects.to("/login"))
                    .defaultRedirect("/")
                    .build();
            GuardRules rules = auth.rules()
                    .loginRequired("/members/*")
                    .permissionRequired("/reports/*", Permission.of("reports.view_report"))
                    .staffRequired("/staff/*")
                    .build();
            ServletContext context = event.getServletContext();
            auth.install(context, rules);   // authentication, guards and CSRF filters on /*
            context.addFilter("auth-pages", auth.authPageFilter())
                    .addMappingForUrlPatterns(null, true, "/login", "/logout");
            context.addServlet("login", new LoginServlet(auth)).addMapping("/login");
            context.addServlet("logout", new LogoutServlet(auth)).addMapping("/logout");
        }
    }

    public static final class LoginServlet extends HttpServlet {
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

    public static final class LogoutServlet extends HttpServlet {
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
    // README: end

    static String escape(String text) {
        return TestApp.html(text);
    }

    @Test
    void readmeSetupProtectsMembersAndLogsInAndOut() throws Exception {
        SecretKeyRing keys = SecretKeyRing.generate(new SecureRandom());
        Gatehouse gatehouse = Gatehouse.builder(keys).passwordHasher(PasswordHashers.forTesting()).build();
        gatehouse.accounts().createUser("alice", "alice@example.com", TestApp.PASSWORD);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addEventListener(new AuthSetup(gatehouse, keys));
        context.addServlet(new TestApp.Handler((request, response) -> TestApp.write(response, 200,
                "members: " + request.getRemoteUser())), "/members/*");
        server.setHandler(context);
        server.start();
        try {
            String base = "http://localhost:" + connector.getLocalPort();
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();

            HttpResponse<String> members = client.send(HttpRequest.newBuilder(URI.create(base + "/members/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(members.headers().firstValue("Location")).hasValue("/login?next=%2Fmembers%2F");
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base
                    + "/login?next=%2Fmembers%2F")).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(token.find()).isTrue();
            assertThat(form.body()).contains("name=\"next\" value=\"/members/\"");
            HttpResponse<String> login = client.send(post(base + "/login", "csrf_token", token.group(1), "login",
                    "alice", "password", TestApp.PASSWORD, "next", "/members/"), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location")).hasValue("/members/");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/members/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("members: alice");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/logout")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
        } finally {
            server.stop();
        }
    }

    private static HttpRequest post(String uri, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
