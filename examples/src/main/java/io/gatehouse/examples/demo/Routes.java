package io.gatehouse.examples.demo;

import io.gatehouse.Gatehouse;
import io.gatehouse.servlet.GuardRules;
import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Registers the demo's filters and pages while the servlet context starts: Gatehouse's authentication, guard and
 * CSRF filters (guards send anonymous visitors of the members, reports, account, password-change and admin pages
 * to {@code /login}), the security headers, and one servlet per area.
 */
final class Routes implements ServletContextListener {
    /**
     * Every page's headers. No script runs on any page (the CSP allows none). Inline styles are allowed because
     * mail HTML, shown in the inbox's sandboxed frame, is styled inline.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; "
            + "form-action 'self'; base-uri 'none'";

    private final Gatehouse gatehouse;
    private final ServletAuth auth;
    private final Flash flash;
    private final UserDirectory directory;
    private final @Nullable EmbeddedInbox inbox;

    Routes(Gatehouse gatehouse, ServletAuth auth, Flash flash, UserDirectory directory,
            @Nullable EmbeddedInbox inbox) {
        this.gatehouse = Objects.requireNonNull(gatehouse, "gatehouse");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.flash = Objects.requireNonNull(flash, "flash");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.inbox = inbox;
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        GuardRules rules = auth.rules()
                .loginRequired("/members/*")
                .loginRequired("/reports/*")
                .loginRequired("/password/change")
                .loginRequired("/account")
                .loginRequired("/account/profile")
                .loginRequired("/account/email")
                .loginRequired("/account/sessions/*")
                .loginRequired("/account/delete")
                .loginRequired("/admin/*")
                .build();
        auth.install(context, rules);
        // Added after install() and matched first, so even Gatehouse's own refusals carry the headers.
        context.addFilter("security-headers", securityHeaders())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        context.addFilter("auth-pages", auth.authPageFilter()).addMappingForUrlPatterns(null, true,
                "/login", "/logout", "/signup", "/password/*", "/verify/*", "/account/*", "/dev/inbox/*");

        Web web = new Web(gatehouse, auth, new Views(context), flash, inbox);
        add(context, "pages", new PagesServlet(web), "", "/members", "/reports", "/");
        add(context, "signup", new SignUpServlet(web), "/signup");
        add(context, "login", new LoginServlet(web), "/login", "/logout");
        add(context, "verify", new VerifyServlet(web), "/verify/*");
        add(context, "password", new PasswordServlet(web), "/password/change", "/password/reset",
                "/password/reset/*");
        add(context, "account", new AccountServlet(web), "/account", "/account/*");
        add(context, "admin-users", new AdminUsersServlet(web, directory), "/admin/users", "/admin/users/*");
        add(context, "admin", new AdminServlet(web), "/admin", "/admin/*");
        if (inbox != null) {
            add(context, "inbox", new InboxServlet(web, inbox), "/dev/inbox", "/dev/inbox/*");
        }
    }

    private static void add(ServletContext context, String name, HttpServlet servlet, String... mappings) {
        context.addServlet(name, servlet).addMapping(mappings);
    }

    private static Filter securityHeaders() {
        return (request, response, chain) -> {
            if (response instanceof HttpServletResponse http) {
                http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                http.setHeader("X-Content-Type-Options", "nosniff");
                http.setHeader("X-Frame-Options", "SAMEORIGIN");
                http.setHeader("Referrer-Policy", "same-origin");
            }
            chain.doFilter(request, response);
        };
    }
}
