package io.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreConcurrencyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void concurrentSavesAndDeletesKeepTheUserIndexExact() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Session>> kept = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                boolean keep = i % 2 == 0;
                kept.add(pool.submit(() -> {
                    Session session = SessionStoreContract.session(7, T0, T0.plus(Duration.ofDays(1)));
                    store.save(session);
                    if (!keep) {
                        store.delete(session.idHash());
                        return null;
                    }
                    return session;
                }));
            }
            List<Session> expected = new ArrayList<>();
            for (Future<Session> future : kept) {
                Session session = future.get();
                if (session != null) {
                    expected.add(session);
                }
            }

            assertThat(store.findByUser(7)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(store.deleteByUser(7)).isEqualTo(2_000);
            assertThat(store.findByUser(7)).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentUpdatesNeverResurrectADeletedSession() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Session session = SessionStoreContract.session(7, T0, T0.plus(Duration.ofDays(1)));
            store.save(session);
            sessions.add(session);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Session session : sessions) {
                Session changed = new Session(session.idHash(), 7, session.authHash(), session.createdAt(),
                        session.lastSeenAt(), session.expiresAt(), session.persistent(), Map.of("k", "v"));
                done.add(pool.submit(() -> store.update(changed)));
                done.add(pool.submit(() -> store.delete(session.idHash())));
            }
            for (Future<?> future : done) {
                future.get();
            }

            assertThat(store.findByUser(7)).isEmpty();
            assertThat(sessions).allSatisfy(s -> assertThat(store.find(s.idHash())).isEmpty());
        } finally {
            pool.shutdownNow();
        }
    }
}
