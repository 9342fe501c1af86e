package io.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SessionStore} shares. A store's test extends this class and supplies a fresh
 * store and user ids that exist in it (a SQL store needs real user rows for its foreign key).
 *
 * <p>Stores keep instants to at least millisecond precision, so every instant here is a whole millisecond.
 */
public abstract class SessionStoreContract {
    /** A whole-millisecond instant the tests count from. */
    protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");

    private SessionStore store;

    /**
     * A new, empty store for one test.
     *
     * @return the store
     */
    protected abstract SessionStore newStore();

    /**
     * The id of a user that exists wherever the store needs it to, distinct on every call.
     *
     * @return a positive user id
     */
    protected abstract long newUserId();

    @BeforeEach
    public void createStore() {
        store = newStore();
    }

    /**
     * A session with a random id hash, created at {@code createdAt} and expiring at {@code expiresAt}.
     *
     * @param userId the owner
     * @param createdAt creation and last-seen time
     * @param expiresAt absolute expiry
     * @return the session, not yet saved
     */
    protected static Session session(long userId, Instant createdAt, Instant expiresAt) {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return new Session(HexFormat.of().formatHex(bytes), userId, "YXV0aC1oYXNo", createdAt, createdAt,
                expiresAt, false, Map.of());
    }

    private Session saved(long userId) {
        Session session = session(userId, T0, T0.plus(Duration.ofDays(14)));
        store.save(session);
        return session;
    }

    @Test
    public void findReturnsEverySavedComponentAtMillisecondPrecision() {
        long userId = newUserId();
        Session session = new Session("ab".repeat(32), userId, "c2lnbmVkLWF1dGgtaGFzaA", T0,
                T0.plusMillis(1), T0.plus(Duration.ofDays(14)).plusMillis(7), true,
                Map.of("장바구니", "사과, 배", "theme", "dark", "empty", ""));

        store.save(session);

        assertThat(store.find(session.idHash())).contains(session);
    }

    @Test
    public void findWhenUnknownIdHashThenEmpty() {
        saved(newUserId());

        assertThat(store.find("0".repeat(64))).isEmpty();
    }

    @Test
    public void saveWhenSameIdHashThenReplaces() {
        long userId = newUserId();
        Session first = saved(userId);
        Session second = new Session(first.idHash(), userId, "bmV3LWF1dGg", T0, T0.plusSeconds(5),
                first.expiresAt(), true, Map.of("k", "v"));

        store.save(second);

        assertThat(store.find(first.idHash())).contains(second);
        assertThat(store.findByUser(userId)).containsExactly(second);
    }

    @Test
    public void updateWhenStoredThenReplacesAndRoundTrips() {
        long userId = newUserId();
        Session first = saved(userId);
        Session changed = new Session(first.idHash(), userId, "bmV3LWF1dGg", T0, T0.plusSeconds(5).plusMillis(3),
                first.expiresAt(), true, Map.of("장바구니", "사과", "theme", "dark"));

        assertThat(store.update(changed)).isTrue();

        assertThat(store.find(first.idHash())).contains(changed);
        assertThat(store.findByUser(userId)).containsExactly(changed);
    }

    @Test
    public void updateWhenUnknownThenFalseAndCreatesNothing() {
        long userId = newUserId();
        Session never = session(userId, T0, T0.plus(Duration.ofDays(14)));

        assertThat(store.update(never)).isFalse();

        assertThat(store.find(never.idHash())).isEmpty();
        assertThat(store.findByUser(userId)).isEmpty();
    }

    @Test
    public void updateWhenDeletedThenFalseAndTheSessionStaysDeleted() {
        Session session = saved(newUserId());
        store.delete(session.idHash());
        Session changed = new Session(session.idHash(), session.userId(), session.authHash(), session.createdAt(),
                session.lastSeenAt(), session.expiresAt(), session.persistent(), Map.of("k", "v"));

        assertThat(store.update(changed)).isFalse();

        assertThat(store.find(session.idHash())).isEmpty();
        assertThat(store.findByUser(session.userId())).isEmpty();
    }

    @Test
    public void updateWhenUserChangesThenFindByUserFollows() {
        long userId = newUserId();
        long otherUserId = newUserId();
        Session first = saved(userId);
        Session moved = new Session(first.idHash(), otherUserId, first.authHash(), first.createdAt(),
                first.lastSeenAt(), first.expiresAt(), first.persistent(), first.attributes());

        assertThat(store.update(moved)).isTrue();

        assertThat(store.findByUser(userId)).isEmpty();
        assertThat(store.findByUser(otherUserId)).containsExactly(moved);
    }

    @Test
    public void touchChangesOnlyLastSeenAt() {
        Session session = saved(newUserId());
        Instant later = T0.plus(Duration.ofMinutes(3)).plusMillis(9);

        assertThat(store.touch(session.idHash(), later)).isTrue();

        Session touched = store.find(session.idHash()).orElseThrow();
        assertThat(touched.lastSeenAt()).isEqualTo(later);
        assertThat(touched).usingRecursiveComparison().ignoringFields("lastSeenAt").isEqualTo(session);
    }

    @Test
    public void touchWhenUnknownThenFalseAndCreatesNothing() {
        assertThat(store.touch("1".repeat(64), T0)).isFalse();
        assertThat(store.find("1".repeat(64))).isEmpty();
    }

    @Test
    public void deleteRemovesOnceThenReportsFalse() {
        Session session = saved(newUserId());

        assertThat(store.delete(session.idHash())).isTrue();
        assertThat(store.find(session.idHash())).isEmpty();
        assertThat(store.findByUser(session.userId())).isEmpty();
        assertThat(store.delete(session.idHash())).isFalse();
    }

    @Test
    public void deleteWhenUnknownThenFalse() {
        Session other = saved(newUserId());

        assertThat(store.delete("2".repeat(64))).isFalse();
        assertThat(store.find(other.idHash())).contains(other);
    }

    @Test
    public void findByUserReturnsOnlyThatUsersSessionsNewestFirst() {
        long userId = newUserId();
        long otherUserId = newUserId();
        Session oldest = session(userId, T0, T0.plus(Duration.ofDays(1)));
        Session middle = session(userId, T0.plusMillis(1), T0.plus(Duration.ofDays(1)));
        Session newest = session(userId, T0.plusSeconds(60), T0.plus(Duration.ofDays(1)));
        store.save(middle);
        store.save(newest);
        store.save(oldest);
        saved(otherUserId);

        assertThat(store.findByUser(userId)).containsExactly(newest, middle, oldest);
    }

    @Test
    public void findByUserWhenNoSessionsThenEmpty() {
        assertThat(store.findByUser(newUserId())).isEmpty();
    }

    @Test
    public void deleteOthersKeepsExactlyTheGivenSession() {
        long userId = newUserId();
        Session keep = saved(userId);
        saved(userId);
        saved(userId);
        Session otherUsers = saved(newUserId());

        assertThat(store.deleteOthers(userId, keep.idHash())).isEqualTo(2);

        assertThat(store.findByUser(userId)).containsExactly(keep);
        assertThat(store.find(otherUsers.idHash())).contains(otherUsers);
    }

    @Test
    public void deleteOthersWhenKeptSessionIsNotTheUsersThenDeletesAllOfTheUsers() {
        long userId = newUserId();
        saved(userId);
        saved(userId);
        Session otherUsers = saved(newUserId());

        assertThat(store.deleteOthers(userId, otherUsers.idHash())).isEqualTo(2);

        assertThat(store.findByUser(userId)).isEmpty();
        assertThat(store.find(otherUsers.idHash())).contains(otherUsers);
    }

    @Test
    public void deleteByUserDeletesOnlyThatUsersSessions() {
        long userId = newUserId();
        saved(userId);
        saved(userId);
        Session otherUsers = saved(newUserId());

        assertThat(store.deleteByUser(userId)).isEqualTo(2);
        assertThat(store.deleteByUser(userId)).isZero();

        assertThat(store.findByUser(userId)).isEmpty();
        assertThat(store.find(otherUsers.idHash())).contains(otherUsers);
    }

    @Test
    public void deleteExpiredTreatsExpiryAtNowAsExpiredAndOneMillisecondLaterAsLive() {
        long userId = newUserId();
        Instant now = T0.plus(Duration.ofDays(1));
        Session expiresNow = session(userId, T0, now);
        Session expiresOneMsLater = session(userId, T0, now.plusMillis(1));
        Session expiredBefore = session(userId, T0, now.minusMillis(1));
        store.save(expiresNow);
        store.save(expiresOneMsLater);
        store.save(expiredBefore);

        assertThat(store.deleteExpired(now, 100)).isEqualTo(2);

        assertThat(store.findByUser(userId)).containsExactly(expiresOneMsLater);
    }

    @Test
    public void deleteExpiredHonoursTheLimitAndRepeatedCallsDrainEverything() {
        long userId = newUserId();
        Instant now = T0.plus(Duration.ofDays(30));
        for (int i = 0; i < 2_500; i++) {
            store.save(session(userId, T0, T0.plus(Duration.ofDays(14))));
        }
        Session live = session(userId, T0, now.plusSeconds(1));
        store.save(live);

        List<Integer> batches = new ArrayList<>();
        int deleted;
        do {
            deleted = store.deleteExpired(now, 1_000);
            batches.add(deleted);
        } while (deleted == 1_000);

        assertThat(batches).containsExactly(1_000, 1_000, 500);
        assertThat(store.findByUser(userId)).containsExactly(live);
    }

    @Test
    public void deleteExpiredWhenNothingExpiredThenZero() {
        Session live = saved(newUserId());

        assertThat(store.deleteExpired(T0, 10)).isZero();
        assertThat(store.find(live.idHash())).contains(live);
    }

    @Test
    public void deleteExpiredWhenLimitNotPositiveThenRejected() {
        assertThatThrownBy(() -> store.deleteExpired(T0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }
}
