package io.gatehouse.servlet;

import io.gatehouse.Gatehouse;
import io.gatehouse.account.PasswordChange;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.event.AuthEvent;
import io.gatehouse.guard.Guard;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.permission.InMemoryPermissionStore;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.User;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A small servlet application on an embedded Jetty 12 bound to an ephemeral port: a login form, a members
 * area, a reports area needing {@code reports.view_report}, a ledger needing {@code reports.view_ledger}
 * (refusal redirects to login), a staff area, logout, password change, a JSON API, and public pages that
 * forward to and include guarded ones. The filters are registered with {@link ServletAuth#install}, from a
 * {@code ServletContextListener}, as an application would.
 */
final class TestApp implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    static final Permission VIEW_REPORT = Permission.of("reports.view_report");
    static final Permission VIEW_LEDGER = Permission.of("reports.view_ledger");
    static final String MEMBERS_SECRET = "MEMBERS-ONLY-CONTENT";
    static final String REPORTS_SECRET = "REPORTS-ONLY-CONTENT";
    static final String STAFF_SECRET = "STAFF-ONLY-CONTENT";

    /** How to run the server. */
    static final class Options {
        boolean tls = true;
        UriCompliance uriCompliance = UriCompliance.DEFAULT;
        boolean decodeAmbiguousUris;
        CookiePolicy cookies = CookiePolicy.secureDefaults();
        boolean csrfFilter = true;

        /** Plain HTTP with the development cookie policy. */
        static Options developmentHttp() {
            Options options = new Options();
            options.tls = false;
            options.cookies = CookiePolicy.developmentLocalhost();
            return options;
        }

        /**
         * A container that lets every ambiguous URI through to the application, so that the guard filter's own
         * refusal is what is tested.
         */
        static Options permissiveContainer() {
            Options options = new Options();
            options.uriCompliance = UriCompliance.UNSAFE;
            options.decodeAmbiguousUris = true;
            return options;
        }
    }

    final CountingSessionStore sessions = new CountingSessionStore();
    final InMemoryPermissionStore permissions = new InMemoryPermissionStore();
    final SecretKeyRing keys = SecretKeyRing.generate(new SecureRandom());
    final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    final Gatehouse gatehouse;
    final ServletAuth auth;
    final Options options;
    final User alice;
    final User rita;
    final User sam;
    final User sue;
    private final Server server;
    private final ServerConnector connector;

    private TestApp(Options options) throws Exception {
        this.options = options;
        gatehouse = Gatehouse.builder(keys)
                .sessionStore(sessions)
                .permissionStore(permissions)
                .passwordHasher(PasswordHashers.forTesting())
                .listener(events::add)
                .build();
        auth = ServletAuth.builder(gatehouse, keys)
                .cookies(options.cookies)
                .loginRedirects(LoginRedirects.to("/login"))
                .defaultRedirect("/public/home")
                .build();
        permissions.register(List.of(VIEW_REPORT, VIEW_LEDGER));
        alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);
        rita = gatehouse.accounts().createUser("rita", "rita@example.com", PASSWORD);
        permissions.grantToUser(rita.id(), VIEW_REPORT);
        User staff = gatehouse.accounts().createUser("sam", "sam@example.com", PASSWORD);
        sam = gatehouse.accounts().updateFlags(staff.id(), AdminUserUpdate.of(staff).withStaff(true));
        sue = gatehouse.accounts().createSuperuser("sue", "sue@example.com", PASSWORD);

        server = new Server(new QueuedThreadPool(16, 2));
        HttpConfiguration http = new HttpConfiguration();
        http.setUriCompliance(options.uriCompliance);
        if (options.tls) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(TestTls.keyStore().toString());
            ssl.setKeyStorePassword(TestTls.PASSWORD);
            ssl.setKeyStoreType("PKCS12");
            http.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context());
        server.start();
    }

    static TestApp start() throws Exception {
        return new TestApp(new Options());
    }

    static TestApp start(Options options) throws Exception {
        return new TestApp(options);
    }

    URI base() {
        return URI.create((options.tls ? "https://localhost:" : "http://localhost:") + connector.getLocalPort());
    }

    int port() {
        return connector.getLocalPort();
    }

    Browser browser() {
        return new Browser(this);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop.", e);
        }
    }

    private ServletContextHandler context() {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (options.decodeAmbiguousUris) {
            context.getServletHandler().setDecodeAmbiguousURIs(true);
        }
        GuardRules rules = auth.rules()
                .loginRequired("/members/*")
                .permissionRequired("/reports/*", VIEW_REPORT)
                .permissionRequired("/ledger/*", Guard.OnDenied.REDIRECT_TO_LOGIN, VIEW_LEDGER)
                .staffRequired("/staff/*")
                .loginRequired("/api/*")
                .loginRequired("/password")
                .build();
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                if (options.csrfFilter) {
                    auth.install(event.getServletContext(), rules);
                } else {
                    // Only the helpers' own CSRF checks stand: the filter chain has no CSRF filter.
                    event.getServletContext().addFilter("authentication", auth.authenticationFilter())
                            .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), false, "/*");
                    event.getServletContext().addFilter("guards", auth.guardFilter(rules))
                            .addMappingForUrlPatterns(null, true, "/*");
                }
                event.getServletContext().addFilter("auth-pages", auth.authPageFilter())
                        .addMappingForUrlPatterns(null, true, "/login", "/logout", "/password");
            }
        });
        context.addServlet(new ServletHolder(new LoginServlet(auth)), "/login");
        context.addServlet(new ServletHolder(new LogoutServlet(auth)), "/logout");
        context.addServlet(new ServletHolder(new PasswordServlet(auth)), "/password");
        context.addServlet(new ServletHolder(page("members", MEMBERS_SECRET)), "/members/*");
        context.addServlet(new ServletHolder(page("reports", REPORTS_SECRET)), "/reports/*");
        context.addServlet(new ServletHolder(page("ledger", REPORTS_SECRET)), "/ledger/*");
        context.addServlet(new ServletHolder(page("staff", STAFF_SECRET)), "/staff/*");
        context.addServlet(new ServletHolder(page("api", MEMBERS_SECRET)), "/api/*");
        context.addServlet(new ServletHolder(new PublicServlet()), "/public/*");
        context.addServlet(new ServletHolder(new WhoAmIServlet()), "/whoami");
        context.addServlet(new ServletHolder(new ProgrammaticServlet(auth)), "/programmatic");
        context.addServlet(new ServletHolder(new CaseInsensitiveFilesServlet()), "/");
        return context;
    }

    private static HttpServlet page(String name, String secret) {
        return new Handler((request, response) -> write(response, 200,
                name + " page for " + request.getRemoteUser() + ": " + secret));
    }

    static void write(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(body);
    }

    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#x27;");
    }

    /** A servlet made of one lambda for GET and POST alike. */
    static final class Handler extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Body body;

        Handler(Body body) {
            this.body = body;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            body.handle(request, response);
        }
    }

    /** A request handler. */
    @FunctionalInterface
    interface Body {
        void handle(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException;
    }

    /** The login page: the form on GET, {@link ServletAuth#login} on POST. */
    static final class LoginServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient ServletAuth auth;

        LoginServlet(ServletAuth auth) {
            this.auth = auth;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            form(request, response, 200, "");
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            LoginResult result = auth.login(request, response);
            if (result.isSuccess()) {
                ServletAuth.redirect(response, auth.nextOrDefault(request));
            } else {
                form(request, response, 200, "Login failed: " + result.getClass().getSimpleName());
            }
        }

        private void form(HttpServletRequest request, HttpServletResponse response, int status, String message)
                throws IOException {
            String token = auth.csrfToken(request, response);
            String next = request.getParameter(ServletAuth.NEXT_FIELD);
            write(response, status, "<p>" + html(message) + "</p><form method=\"post\" action=\"/login\">"
                    + "<input type=\"hidden\" name=\"csrf_token\" value=\"" + token + "\">"
                    + "<input type=\"hidden\" name=\"next\" value=\"" + html(next == null ? "" : next) + "\">"
                    + "<input name=\"login\"><input type=\"password\" name=\"password\">"
                    + "<input type=\"checkbox\" name=\"remember\"></form>");
        }
    }

    /** Logout: POST only. */
    static final class LogoutServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient ServletAuth auth;

        LogoutServlet(ServletAuth auth) {
            this.auth = auth;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            auth.logout(request, response);
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (auth.logout(request, response)) {
                ServletAuth.redirect(response, "/public/bye");
            }
        }
    }

    /** Password change: the form on GET, {@link ServletAuth#changePassword} on POST. */
    static final class PasswordServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient ServletAuth auth;

        PasswordServlet(ServletAuth auth) {
            this.auth = auth;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String token = auth.csrfToken(request, response);
            write(response, 200, "<form method=\"post\"><input type=\"hidden\" name=\"csrf_token\" value=\""
                    + token + "\"></form>");
        }

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            PasswordChange result = auth.changePassword(request, response);
            boolean changed = result instanceof PasswordChange.Changed;
            write(response, changed ? 200 : 400, "password " + (changed ? "changed" : "not changed: "
                    + result.getClass().getSimpleName()));
        }
    }

    /** Public pages, some of which forward to or include guarded ones. */
    static final class PublicServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            String info = String.valueOf(request.getPathInfo());
            switch (info) {
                case "/forward-reports" -> request.getRequestDispatcher("/reports/q1").forward(request, response);
                case "/forward-members" -> request.getRequestDispatcher("/members/").forward(request, response);
                case "/include-reports" -> {
                    response.setContentType("text/html;charset=utf-8");
                    response.getWriter().write("public page including: ");
                    request.getRequestDispatcher("/reports/q1").include(request, response);
                }
                case "/boom" -> throw new io.gatehouse.StoreException("The database is down (test).", true, null,
                        null);
                default -> write(response, 200, "public page " + info);
            }
        }
    }

    /** Shows what the servlet API says about the request's user. */
    static final class WhoAmIServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Principal principal = request.getUserPrincipal();
            Subject subject = ServletAuth.subject(request);
            StringBuilder out = new StringBuilder();
            out.append("remoteUser=").append(request.getRemoteUser())
                    .append("\nauthType=").append(request.getAuthType())
                    .append("\nprincipal=").append(principal == null ? "null" : principal.getClass().getSimpleName()
                            + ":" + principal.getName())
                    .append("\nsubject=").append(subject.isAuthenticated() ? subject.user().orElseThrow().username()
                            : "anonymous");
            for (String role : List.of("staff", "superuser", "**", "reports.view_report", "reports.view_ledger",
                    "admin", "Not A Permission", "")) {
                out.append("\nrole[").append(role).append("]=").append(request.isUserInRole(role));
            }
            write(response, 200, out.toString());
        }
    }

    /** A servlet guarding itself with {@link ServletAuth#require}. */
    static final class ProgrammaticServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient ServletAuth auth;

        ProgrammaticServlet(ServletAuth auth) {
            this.auth = auth;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (!auth.require(request, response, Guard.staffRequired().withLogin(auth.loginRedirects()))) {
                return;
            }
            write(response, 200, "programmatic page: " + STAFF_SECRET);
        }
    }

    /**
     * The default servlet of a container whose file system ignores case: {@code /MEMBERS/x} serves the members
     * content. A guard that compared case-sensitively would let it through.
     */
    static final class CaseInsensitiveFilesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            String folded = path.toLowerCase(Locale.ROOT);
            if (folded.startsWith("/members")) {
                write(response, 200, "file " + MEMBERS_SECRET);
            } else if (folded.startsWith("/reports")) {
                write(response, 200, "file " + REPORTS_SECRET);
            } else if (folded.startsWith("/staff")) {
                write(response, 200, "file " + STAFF_SECRET);
            } else {
                write(response, 404, "not found");
            }
        }
    }
}
