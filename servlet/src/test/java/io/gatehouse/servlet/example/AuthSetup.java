package io.gatehouse.servlet.example;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.permission.Permission;
import io.gatehouse.servlet.CookiePolicy;
import io.gatehouse.servlet.GuardRules;
import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

// The README's servlet set-up (filters, guard rules, the login and logout servlets), run by ReadmeExampleTest.
// Between the markers: a Java block of the README, character for character.
// README:start
public final class AuthSetup implements ServletContextListener {
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
// README:end
