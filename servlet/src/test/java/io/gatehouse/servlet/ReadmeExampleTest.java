package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.servlet.example.AuthSetup;
import io.gatehouse.testing.ReadmeBlocks;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README section "Protecting a servlet application", compiled and run: {@link AuthSetup} and the login and
 * logout servlets of {@code io.gatehouse.servlet.example} are, between their markers, the README's Java blocks,
 * character for character.
 */
class ReadmeExampleTest {
    @ParameterizedTest
    @ValueSource(strings = {"AuthSetup", "LoginServlet", "LogoutServlet"})
    void theReadmeShowsExactlyThisExample(String className) {
        assertThat(ReadmeBlocks.assertReadmeShows(
                Path.of("src/test/java/io/gatehouse/servlet/example/" + className + ".java"))).isEqualTo(1);
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
