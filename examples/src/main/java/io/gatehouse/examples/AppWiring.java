package io.gatehouse.examples;

import io.gatehouse.Gatehouse;
import io.gatehouse.account.AccountFlowSettings;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.jdbc.JdbcSettings;
import io.gatehouse.jdbc.JdbcStores;
import io.gatehouse.jdbc.SchemaInstaller;
import io.gatehouse.outbox.OutboxWorker;
import io.gatehouse.servlet.GuardRules;
import io.gatehouse.servlet.ServletAuth;
import io.gatehouse.smtp.SmtpMailer;
import io.gatehouse.smtp.SmtpSettings;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/**
 * The README section "Add Gatehouse to your app": everything an application builds once at start-up to use
 * Gatehouse with its own SQL database, an SMTP server for account mail, and a servlet container. The
 * application keeps one instance for its lifetime; {@link #close()} stops the mail worker at shutdown.
 *
 * <pre>{@code
 * AppWiring gatehouse = new AppWiring(dataSource, System.getenv());
 * context.addEventListener(new ServletContextListener() {  // or a ServletContainerInitializer
 *     public void contextInitialized(ServletContextEvent event) {
 *         gatehouse.install(event.getServletContext());
 *     }
 * });
 * }</pre>
 *
 * <p>Settings come from the environment: {@code GATEHOUSE_SECRET_KEY} (base64 of at least 32 random bytes) and
 * {@code GATEHOUSE_SMTP_*} (see {@link SmtpSettings#fromEnvironment}). Thread-safe. A test runs it on H2 and a
 * GreenMail SMTP server, and checks that the README shows the code between the markers character for character.
 */
// README:start
public final class AppWiring implements AutoCloseable {
    private final Gatehouse gatehouse;
    private final ServletAuth auth;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final OutboxWorker worker;

    /** Once at start-up, on the application's pooled DataSource, with settings from the environment. */
    public AppWiring(DataSource dataSource, Map<String, String> environment) {
        SecretKeyRing keys = SecretKeyRing.fromBase64(environment.get("GATEHOUSE_SECRET_KEY"));  // 32+ random bytes
        SchemaInstaller.install(dataSource);   // creates or upgrades the gatehouse_* tables; safe on every start
        JdbcStores stores = JdbcStores.create(dataSource, JdbcSettings.defaults());
        gatehouse = stores.configure(Gatehouse.builder(keys))
                .accountFlows(AccountFlowSettings.builder("https://example.com", "Example <no-reply@example.com>")
                        .build())   // every link in account mail starts with your site's URL
                .build();

        // The flows queue mail in the outbox table, in the transaction of the change; the worker sends it.
        SmtpMailer mailer = SmtpMailer.create(SmtpSettings.fromEnvironment(environment));   // GATEHOUSE_SMTP_*
        worker = OutboxWorker.builder(gatehouse.mailOutbox(), mailer, gatehouse.clock()).build();
        worker.start(scheduler, Duration.ofSeconds(2));   // one worker per node; several nodes may run one each

        auth = ServletAuth.builder(gatehouse, keys)
                .loginRedirects(LoginRedirects.to("/login"))
                .build();
    }

    /** From your ServletContextListener's contextInitialized, or a ServletContainerInitializer. */
    public void install(ServletContext context) {
        GuardRules rules = auth.rules()
                .loginRequired("/account/*")
                .staffRequired("/admin/*")
                .build();
        auth.install(context, rules);   // authentication, guard and CSRF filters on /*
        context.addFilter("auth-pages", auth.authPageFilter())   // no-store and no-referrer where tokens are
                .addMappingForUrlPatterns(null, true, "/login", "/logout", "/signup", "/password/*", "/verify/*");
    }

    /** For your pages: gatehouse.signUp(), verification(), passwordReset(), accounts()... */
    public Gatehouse gatehouse() {
        return gatehouse;
    }

    /** For your login, logout and password-change servlets: auth.login(request, response)... */
    public ServletAuth auth() {
        return auth;
    }

    /** At shutdown, before the DataSource closes. */
    @Override
    public void close() {
        worker.stop();
        scheduler.shutdown();
    }
}
// README:end
