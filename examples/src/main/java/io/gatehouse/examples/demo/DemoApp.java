package io.gatehouse.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.account.AccountFlowSettings;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.examples.config.DemoSettings;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.jdbc.JdbcSettings;
import io.gatehouse.jdbc.JdbcStores;
import io.gatehouse.jdbc.SchemaInstaller;
import io.gatehouse.outbox.OutboxWorker;
import io.gatehouse.permission.Permission;
import io.gatehouse.servlet.CookiePolicy;
import io.gatehouse.servlet.ServletAuth;
import io.gatehouse.smtp.SmtpMailer;
import io.gatehouse.smtp.SmtpSettings;
import io.gatehouse.user.User;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gatehouse demo web app: sign-up with email verification, login, password change and reset, account page,
 * members and reports pages, an admin area, and a development inbox that shows the mail the app sent.
 *
 * <p>It runs on embedded Jetty with Gatehouse's servlet filters, keeps everything in the JDBC store (an H2 file
 * database under {@code ./data/} by default, installed with {@link SchemaInstaller} at every start), and sends
 * mail through {@link SmtpMailer}: account flows queue it in the outbox, an {@link OutboxWorker} delivers it every
 * second. Without SMTP settings it goes to an SMTP server embedded in the demo, whose inbox is {@code /dev/inbox};
 * with {@code gatehouse.smtp.*} settings (see {@link DemoSettings}) real mail goes out and there is no inbox.
 *
 * <pre>{@code
 * try (DemoApp demo = DemoApp.start(DemoSettings.fromSystem()
 *         .with("gatehouse.http.port", "0").with("gatehouse.inbox.port", "0"), false)) {
 *     demo.createSuperuser("admin", "admin@example.com", "correct horse battery staple");
 *     System.out.println(demo.baseUrl());
 * }
 * }</pre>
 *
 * <p>Cookies follow {@link CookiePolicy#developmentLocalhost()} when the base URL is plain {@code http} on a
 * loopback host, and {@link CookiePolicy#secureDefaults()} otherwise. On a loopback base URL the server listens on
 * the loopback interface only. Thread-safe; {@link #close()} stops everything it started.
 */
public final class DemoApp implements AutoCloseable {
    /** How to create a superuser with the command-line tool, while the demo runs or not. */
    public static final String CREATE_SUPERUSER_COMMAND = "mvn -q -pl examples -am test-compile exec:java "
            + "-Dexec.mainClass=io.gatehouse.examples.cli.GatehouseCli -Dexec.args=\"createsuperuser\"";
    /** The permission the reports page takes. */
    public static final Permission VIEW_REPORT = PagesServlet.VIEW_REPORT;

    private static final Logger LOG = LoggerFactory.getLogger(DemoApp.class);
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final DemoSettings settings;
    private @Nullable Server server;
    private @Nullable HikariDataSource dataSource;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable OutboxWorker worker;
    private @Nullable EmbeddedInbox inbox;
    private @Nullable Gatehouse gatehouse;
    private @Nullable UserDirectory directory;
    private int port;

    private DemoApp(DemoSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts the demo from system properties and environment variables ({@link DemoSettings}), prints its URL,
     * and runs until the process is stopped.
     *
     * @param args {@code --reset} to delete the demo's database first (the secret key stays)
     */
    public static void main(String[] args) {
        boolean reset = false;
        for (String arg : args) {
            if ("--reset".equals(arg)) {
                reset = true;
            } else {
                System.err.println("Unknown option " + arg + ". The demo takes one option: --reset, which deletes "
                        + "its database before starting.");
                System.exit(2);
            }
        }
        DemoApp demo = start(DemoSettings.fromSystem(), reset);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close, "gatehouse-demo-shutdown"));
        demo.printWelcome(System.out);
        demo.join();
    }

    /**
     * Starts the demo. With {@code gatehouse.http.port} and {@code gatehouse.inbox.port} set to {@code 0}, free
     * ports are chosen; {@link #port()} and {@link #baseUrl()} tell which.
     *
     * @param settings where the data lives, the ports, the base URL and the SMTP server
     * @param reset true to delete the demo's H2 database files first (the secret key file stays, so the
     *     command-line tool and old settings keep working)
     * @return the running demo
     * @throws IllegalStateException when {@code reset} is asked with a database other than the demo's H2 file
     * @throws io.gatehouse.InvalidInputException naming the setting that is wrong
     */
    public static DemoApp start(DemoSettings settings, boolean reset) {
        Objects.requireNonNull(settings, "settings");
        if (reset) {
            List<Path> deleted = DataReset.deleteDatabase(settings);
            LOG.info("--reset: deleted {} database file(s) in {}; the secret key stays.", deleted.size(),
                    settings.dataDir());
        }
        DemoApp demo = new DemoApp(settings);
        try {
            demo.run();
            return demo;
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        } catch (Exception e) {
            demo.close();
            throw new IllegalStateException("The demo could not start: " + e.getMessage(), e);
        }
    }

    private void run() throws Exception {
        SecureRandom random = new SecureRandom();
        SecretKeyRing keys = settings.secretKey(random);
        DemoSettings effective = settings;
        if (!settings.usesExternalSmtp()) {
            EmbeddedInbox embedded = EmbeddedInbox.start(settings.inboxPort());
            inbox = embedded;
            effective = effective.with("gatehouse.inbox.port", Integer.toString(embedded.port()));
        }
        URI base = URI.create(effective.baseUrl());
        boolean loopback = LOOPBACK.contains(base.getHost());
        Server server = new Server();
        this.server = server;
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(loopback ? ("[::1]".equals(base.getHost()) ? "::1" : "127.0.0.1") : null);
        connector.setPort(settings.httpPort());
        server.addConnector(connector);
        connector.open();
        port = connector.getLocalPort();
        effective = effective.with("gatehouse.http.port", Integer.toString(port));

        HikariDataSource dataSource = dataSource(effective);
        this.dataSource = dataSource;
        SchemaInstaller.install(dataSource);
        JdbcStores stores = JdbcStores.create(dataSource, JdbcSettings.defaults());
        SmtpSettings smtp = effective.smtp();
        Gatehouse gh = stores.configure(Gatehouse.builder(keys).random(random))
                .accountFlows(flows(effective.baseUrl(), smtp))
                .build();
        gatehouse = gh;
        gh.permissionStore().register(BulkAction.ADMIN_PERMISSIONS);
        gh.permissionStore().register(List.of(VIEW_REPORT));
        directory = new UserDirectory(dataSource, JdbcSettings.DEFAULT_PREFIX);

        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-demo-outbox");
            t.setDaemon(true);
            return t;
        });
        this.scheduler = scheduler;
        OutboxWorker worker = OutboxWorker.builder(gh.mailOutbox(), SmtpMailer.create(smtp), gh.clock())
                .initialBackoff(Duration.ofSeconds(5))
                .maxBackoff(Duration.ofMinutes(5))
                .build();
        worker.start(scheduler, Duration.ofSeconds(1));
        this.worker = worker;

        CookiePolicy cookies = cookiePolicyFor(effective.baseUrl());
        ServletAuth auth = ServletAuth.builder(gh, keys)
                .cookies(cookies)
                .loginRedirects(LoginRedirects.to("/login"))
                .defaultRedirect("/")
                .random(random)
                .build();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowServlet(false);
        context.setErrorHandler(errors);
        context.addEventListener(new Routes(gh, auth, new Flash(keys, gh.clock(), cookies.secure()), directory,
                inbox));
        server.setHandler(context);
        server.start();
    }

    /**
     * The cookie policy for a base URL: the development one only for plain {@code http} on a loopback host.
     *
     * @param baseUrl the public base URL
     * @return the policy
     */
    static CookiePolicy cookiePolicyFor(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost())
                ? CookiePolicy.developmentLocalhost() : CookiePolicy.secureDefaults();
    }

    private static AccountFlowSettings flows(String baseUrl, SmtpSettings smtp) {
        String from = smtp.defaultFrom().map(Object::toString).orElseThrow(() -> new IllegalStateException(
                "Set gatehouse.smtp.from (for example \"Gatehouse demo <you@example.com>\"): account mail needs a "
                        + "sender your SMTP server accepts."));
        return AccountFlowSettings.builder(baseUrl, from)
                .siteName("Gatehouse demo")
                .verifyEmailPath("/verify/{uid}/{token}")
                .resetPasswordPath("/password/reset/{uid}/{token}")
                .confirmEmailChangePath("/account/email/confirm/{uid}/{token}")
                .loginPath("/login")
                .requestResetPath("/password/reset")
                .build();
    }

    private static HikariDataSource dataSource(DemoSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.databaseUrl());
        config.setUsername(settings.databaseUser());
        config.setPassword(settings.databasePassword());
        config.setPoolName("gatehouse-demo");
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    /**
     * The port the demo listens on.
     *
     * @return the HTTP port
     */
    public int port() {
        return port;
    }

    /**
     * The URL links in mail start with, and where the demo is reached.
     *
     * @return e.g. {@code http://localhost:8080}
     */
    public String baseUrl() {
        return settings.with("gatehouse.http.port", Integer.toString(port)).baseUrl();
    }

    /**
     * The embedded SMTP server's port.
     *
     * @return the port, or empty when mail goes to an external SMTP server
     */
    public OptionalInt inboxPort() {
        return inbox == null ? OptionalInt.empty() : OptionalInt.of(inbox.port());
    }

    /** The embedded inbox, for tests in this package. */
    EmbeddedInbox inbox() {
        return Objects.requireNonNull(inbox, "inbox: mail goes to an external SMTP server");
    }

    /**
     * The Gatehouse instance behind the pages, for tests and tools in the same process.
     *
     * @return the facade
     */
    public Gatehouse gatehouse() {
        return Objects.requireNonNull(gatehouse, "gatehouse");
    }

    /**
     * Creates an active, verified staff superuser in this demo's database: the in-process twin of the
     * command-line tool's {@code createsuperuser}.
     *
     * @param username the username
     * @param email the email address
     * @param password the password; the password policy applies
     * @return the new user
     * @throws io.gatehouse.InvalidInputException naming the field that breaks a rule
     * @throws io.gatehouse.user.DuplicateUserException when the username or email is taken
     */
    public User createSuperuser(String username, String email, String password) {
        return gatehouse().accounts().createSuperuser(username, email, password);
    }

    /**
     * Prints where the demo runs, where its inbox is, and how to create a superuser when none exists yet.
     *
     * @param out where to print
     */
    public void printWelcome(PrintStream out) {
        out.println();
        out.println("Gatehouse demo running at " + baseUrl() + "  (Ctrl-C stops it)");
        if (inbox != null) {
            out.println("  Mail inbox:  " + baseUrl() + "/dev/inbox  (embedded SMTP server on 127.0.0.1:"
                    + inbox.port() + ")");
        } else {
            out.println("  Mail goes out through " + settings.smtp().endpoint() + "; there is no demo inbox.");
        }
        out.println("  Data:        " + settings.dataDir() + "  (start with --reset for an empty database)");
        if (Objects.requireNonNull(directory).superuserCount() == 0) {
            out.println("  No superuser yet. To open /admin, create one in another terminal:");
            out.println("    " + CREATE_SUPERUSER_COMMAND);
        }
        out.println();
    }

    private void join() {
        try {
            Objects.requireNonNull(server, "server").join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the web server first, so no request runs while the rest goes away, then the mail worker, the embedded
     * inbox and the database pool. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        quietly(server == null ? null : server::stop);
        quietly(worker == null ? null : worker::stop);
        quietly(scheduler == null ? null : scheduler::shutdownNow);
        quietly(inbox);
        quietly(dataSource);
        server = null;
        worker = null;
        scheduler = null;
        inbox = null;
        dataSource = null;
    }

    private static void quietly(@Nullable AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("While stopping the demo: " + e);
        }
    }
}
