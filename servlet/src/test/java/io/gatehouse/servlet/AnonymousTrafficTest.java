package io.gatehouse.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 10,000 anonymous requests, many with random unknown session cookies or junk, leave the session store
 * unchanged: not one write. Requests to guarded pages are all sent to login.
 */
class AnonymousTrafficTest {
    private static final int REQUESTS = 10_000;
    private static final int THREADS = 4;
    private static final List<String> PATHS = List.of("/public/home", "/members/", "/reports/q1", "/staff/",
            "/whoami", "/login", "/api/items");

    @Test
    void tenThousandAnonymousRequestsWriteNothingToTheSessionStore() throws Exception {
        try (TestApp app = TestApp.start()) {
            long writesBefore = app.sessions.writes();
            long readsBefore = app.sessions.reads();
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(TestTls.clientContext())
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<Map<String, Integer>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                results.add(pool.submit(() -> run(app, client, REQUESTS / THREADS, seed)));
            }
            int ok = 0;
            int redirected = 0;
            int other = 0;
            for (Future<Map<String, Integer>> result : results) {
                Map<String, Integer> counts = result.get(10, TimeUnit.MINUTES);
                ok += counts.get("ok");
                redirected += counts.get("redirected");
                other += counts.get("other");
            }
            pool.shutdown();

            assertThat(ok + redirected + other).isEqualTo(REQUESTS);
            assertThat(other).isZero();
            assertThat(app.sessions.writes() - writesBefore).isZero();
            // Well-formed unknown ids were looked up (reads), junk never reached the store.
            assertThat(app.sessions.reads() - readsBefore).isPositive().isLessThan(REQUESTS);
        }
    }

    private static Map<String, Integer> run(TestApp app, HttpClient client, int count, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        SecureRandom ids = new SecureRandom();
        String name = app.auth.cookies().sessionCookieName();
        int ok = 0;
        int redirected = 0;
        int other = 0;
        for (int i = 0; i < count; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.base() + path))
                    .timeout(Duration.ofSeconds(30));
            switch (random.nextInt(4)) {
                case 0 -> { } // no cookie at all
                case 1 -> {
                    byte[] id = new byte[32];
                    ids.nextBytes(id);
                    request.header("Cookie", name + "=" + Base64.getUrlEncoder().withoutPadding().encodeToString(id));
                }
                case 2 -> request.header("Cookie", name + "=" + junk(random));
                default -> request.header("Cookie", "other=1; " + name + "=" + junk(random) + "; "
                        + app.auth.cookies().csrfCookieName() + "=" + junk(random));
            }
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            boolean guarded = !path.equals("/public/home") && !path.equals("/whoami") && !path.equals("/login");
            if (guarded && response.statusCode() == 302) {
                redirected++;
            } else if (!guarded && response.statusCode() == 200) {
                ok++;
            } else {
                other++;
            }
        }
        return Map.of("ok", ok, "redirected", redirected, "other", other);
    }

    private static String junk(SplittableRandom random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!*";
        int length = random.nextInt(1, 120);
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return value.toString();
    }
}
