package io.gatehouse.examples.demo;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted browser over the JDK's HttpClient: keeps cookies, does not follow redirects (tests look at them),
 * sends an Accept-Language, and takes the CSRF token from the last page it saw, as a form would.
 */
final class DemoClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String language = "en";
    private String csrf = "";

    DemoClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    DemoClient language(String value) {
        language = value;
        return this;
    }

    HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(base + path)).GET()));
    }

    /** GET, following redirects on this site, as a browser would. */
    HttpResponse<String> open(String path) {
        HttpResponse<String> response = get(path);
        for (int i = 0; i < 10 && response.statusCode() == 302; i++) {
            response = get(response.headers().firstValue("Location").orElseThrow());
        }
        return response;
    }

    /** POSTs a form with the CSRF token of the last page seen. */
    HttpResponse<String> post(String path, String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        all.add("csrf_token");
        all.add(csrf);
        return postRaw(path, all.toArray(String[]::new));
    }

    /** POSTs exactly these fields: no CSRF token unless given. */
    HttpResponse<String> postRaw(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return remember(send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** Follows a redirect answer to its page. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int i = 0; i < 10 && current.statusCode() == 302; i++) {
            current = get(current.headers().firstValue("Location").orElseThrow());
        }
        return current;
    }

    /** Logs in through the form and lands on the page after it. */
    HttpResponse<String> login(String login, String password) {
        get("/login");
        return follow(post("/login", "login", login, "password", password));
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    void addCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Accept-Language", language).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("The demo did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted.", e);
        }
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }
}
