package io.gatehouse.servlet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One simulated browser: a JDK {@link HttpClient} with its own cookie jar, which never follows redirects, so
 * that each 302 is asserted.
 */
final class Browser {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf_token\" value=\"([^\"]*)\"");

    private final TestApp app;
    private final CookieManager jar = new CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    Browser(TestApp app) {
        this.app = app;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(jar)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10));
        if (app.options.tls) {
            builder.sslContext(TestTls.clientContext());
        }
        client = builder.build();
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), headers);
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))), headers);
    }

    HttpResponse<String> send(String method, String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    /** GETs a page with a form and returns its CSRF token. */
    String formToken(String path) {
        HttpResponse<String> page = get(path);
        Matcher matcher = TOKEN.matcher(page.body());
        if (page.statusCode() != 200 || !matcher.find()) {
            throw new AssertionError("No form at " + path + ": " + page.statusCode() + " " + page.body());
        }
        return matcher.group(1);
    }

    /** Logs in through the form, as a person would, and returns the POST's response (a 302 when it worked). */
    HttpResponse<String> logIn(String login, String password, Map<String, String> extra) {
        String token = formToken("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf_token", token);
        form.put("login", login);
        form.put("password", password);
        form.putAll(extra);
        return post("/login", form);
    }

    HttpResponse<String> logIn(String login) {
        HttpResponse<String> response = logIn(login, TestApp.PASSWORD, Map.of());
        if (response.statusCode() != 302) {
            throw new AssertionError("Login of " + login + " failed: " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    Optional<String> cookie(String name) {
        return jar.getCookieStore().get(app.base()).stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    Optional<String> sessionCookie() {
        return cookie(app.auth.cookies().sessionCookieName());
    }

    /** Puts a cookie in the jar, as an attacker who could plant one would. */
    void plant(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        // As CookieManager records a host-only cookie the server set, so that the server's next Set-Cookie of
        // the same name replaces this one, as in a real browser.
        cookie.setDomain("localhost.local");
        cookie.setSecure(app.options.tls);
        cookie.setVersion(0);
        jar.getCookieStore().add(app.base(), cookie);
    }

    void forget(String name) {
        jar.getCookieStore().get(app.base()).stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> jar.getCookieStore().remove(app.base(), c));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(app.base() + pathAndQuery);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
