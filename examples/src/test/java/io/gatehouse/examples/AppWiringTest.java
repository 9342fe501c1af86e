package io.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.gatehouse.account.SignUpRequest;
import io.gatehouse.account.SignUpResult;
import io.gatehouse.account.VerificationResult;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.testing.ReadmeBlocks;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README section "Add Gatehouse to your app", run as written: {@link AppWiring} on an H2 in-memory database,
 * sending account mail over SMTP to GreenMail on an ephemeral port, with its filters in an embedded Jetty.
 */
class AppWiringTest {
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(smtpOnAnyPort());

    private AppWiring wiring;

    private static ServerSetup smtpOnAnyPort() {
        ServerSetup setup = ServerSetupTest.SMTP.createCopy().dynamicPort();
        setup.setServerStartupTimeout(30_000);
        return setup;
    }

    @BeforeEach
    void start() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:appwiring-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        wiring = new AppWiring(dataSource, Map.of(
                "GATEHOUSE_SECRET_KEY", Base64.getEncoder().encodeToString(secret),
                "GATEHOUSE_SMTP_HOST", "127.0.0.1",
                "GATEHOUSE_SMTP_PORT", Integer.toString(GREEN_MAIL.getSmtp().getPort()),
                "GATEHOUSE_SMTP_SECURITY", "none",
                "PATH", "/usr/bin"));
    }

    @AfterEach
    void stop() {
        wiring.close();
    }

    @Test
    void theReadmeShowsExactlyThisClass() {
        assertThat(ReadmeBlocks.assertReadmeShows(Path.of("src/main/java/io/gatehouse/examples/AppWiring.java")))
                .isEqualTo(1);
    }

    @Test
    void theReadmeDependenciesAreTheFourModulesAtTheProjectsVersion() throws IOException {
        String parent = Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<artifactId>gatehouse-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(parent);
        assertThat(version.find()).isTrue();
        List<String> xml = ReadmeBlocks.readmeBlocks("xml");

        assertThat(xml).anySatisfy(block -> {
            for (String module : List.of("core", "jdbc-store", "smtp-mailer", "servlet")) {
                assertThat(block).contains("<groupId>io.gatehouse</groupId>\n    <artifactId>gatehouse-" + module
                        + "</artifactId>\n    <version>" + version.group(1) + "</version>");
            }
        });
    }

    @Test
    void signUpMailGoesOutOverSmtpAndItsLinkVerifiesTheAccount() throws Exception {
        SignUpResult signUp = wiring.gatehouse().signUp()
                .register(SignUpRequest.of("minsu", "minsu@example.kr", PASSWORD));
        assertThat(signUp.isAccepted()).isTrue();

        assertThat(GREEN_MAIL.waitForIncomingEmail(30_000, 1)).as("the worker delivered the mail").isTrue();
        MimeMessage mail = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0]).hasToString("minsu@example.kr");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@example.com");
        Matcher link = Pattern.compile("https://example\\.com/verify/([\\w-]+)/([\\w-]+)").matcher(text(mail));
        assertThat(link.find()).as("the verification link").isTrue();

        assertThat(wiring.gatehouse().verification().verify(link.group(1), link.group(2)))
                .isInstanceOf(VerificationResult.Verified.class);
        assertThat(wiring.gatehouse().authenticator().login(LoginRequest.of("minsu@example.kr", PASSWORD))
                .isSuccess()).isTrue();
    }

    @Test
    void theFiltersGuardPagesRefuseForgedPostsAndMarkAuthPages() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                wiring.install(event.getServletContext());
            }
        });
        context.addServlet(new ServletHolder(new Page()), "/");
        server.setHandler(context);
        server.start();
        try {
            String base = "http://127.0.0.1:" + connector.getLocalPort();
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

            HttpResponse<String> account = client.send(HttpRequest.newBuilder(URI.create(base + "/account/email"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(account.statusCode()).isEqualTo(302);
            assertThat(account.headers().firstValue("Location")).hasValue("/login?next=%2Faccount%2Femail");
            HttpResponse<String> admin = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/users"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(admin.headers().firstValue("Location")).hasValue("/login?next=%2Fadmin%2Fusers");

            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.body()).isEqualTo("page /login");
            assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

            HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(base + "/signup"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=mallory")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as("a POST without the CSRF token").isEqualTo(403);
        } finally {
            server.stop();
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = text(child);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    /** Answers every path with its name, as the application's pages would. */
    private static final class Page extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write("page " + request.getRequestURI());
        }
    }
}
