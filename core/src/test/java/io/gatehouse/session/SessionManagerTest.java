package io.gatehouse.session;

import static io.gatehouse.session.SessionFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import io.gatehouse.permission.Permission;
import io.gatehouse.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionManagerTest {
    private final SessionFixture fx = new SessionFixture();
    private final SessionManager sessions = fx.manager();
    private final User alice = fx.user("alice");

    @Test
    void startStoresSessionWithAbsoluteExpiry() {
        NewSession started = sessions.start(alice, false, null);

        Session stored = fx.backing.find(started.session().idHash()).orElseThrow();
        assertThat(stored).isEqualTo(started.session());
        assertThat(stored.userId()).isEqualTo(alice.id());
        assertThat(stored.createdAt()).isEqualTo(T0);
        assertThat(stored.lastSeenAt()).isEqualTo(T0);
        assertThat(stored.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
        assertThat(stored.attributes()).isEmpty();
    }

    @Test
    void startWhenRememberMeThenCookieMaxAgeIsTheAbsoluteTimeout() {
        NewSession persistent = sessions.start(alice, true, null);
        NewSession browserSession = sessions.start(alice, false, null);

        assertThat(persistent.session().persistent()).isTrue();
        assertThat(persistent.cookieMaxAge()).contains(Duration.ofDays(14));
        assertThat(browserSession.session().persistent()).isFalse();
        assertThat(browserSession.cookieMaxAge()).isEmpty();
    }

    @Test
    void startTruncatesTimesToMillisecondsLikeEveryStore() {
        fx.clock.set(T0.plusNanos(1_234_567));

        NewSession started = sessions.start(alice, false, null);

        assertThat(started.session().createdAt()).isEqualTo(T0.plusMillis(1));
    }

    @Test
    void startWhenUserInactiveThenRejected() {
        User inactive = alice.toBuilder().active(false).buildUser();

        assertThatThrownBy(() -> sessions.start(inactive, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("active");
    }

    @Test
    void startWhenPreviousSessionIsTheSameUsersThenCarriesItsAttributesOver() {
        NewSession first = sessions.start(alice, false, null);
        sessions.setAttribute(first.id(), "cart", "사과 3개");

        NewSession second = sessions.start(alice, false, first.id());

        assertThat(second.session().attributes()).containsExactly(Map.entry("cart", "사과 3개"));
        assertThat(fx.backing.find(first.session().idHash())).isEmpty();
    }

    @Test
    void resolveReturnsTheUserWithGrantedPermissions() {
        Permission changePost = Permission.of("blog.change_post");
        fx.permissions.register(List.of(changePost));
        fx.permissions.grantToUser(alice.id(), changePost);
        NewSession started = sessions.start(alice, false, null);

        ResolvedSession resolved = sessions.resolve(started.id()).orElseThrow();

        assertThat(resolved.user()).isEqualTo(alice);
        assertThat(resolved.session()).isEqualTo(started.session());
        assertThat(resolved.subject().hasPerm(changePost)).isTrue();
        assertThat(resolved.subject().hasPerm("blog.delete_post")).isFalse();
    }

    @Test
    void resolveWithinTheTouchIntervalReadsTheSessionOnceAndWritesNothing() {
        NewSession started = sessions.start(alice, false, null);
        fx.store.reset();

        assertThat(sessions.resolve(started.id())).isPresent();

        assertThat(fx.store.calls()).containsExactly("find");
    }

    @Test
    void resolveAtOneMillisecondBeforeAbsoluteExpiryThenLive() {
        NewSession started = sessions.start(alice, false, null);
        fx.clock.set(started.session().expiresAt().minusMillis(1));

        assertThat(sessions.resolve(started.id())).isPresent();
    }

    @Test
    void resolveAtAbsoluteExpiryThenEmptyAndDeleted() {
        NewSession started = sessions.start(alice, false, null);
        fx.clock.set(started.session().expiresAt());

        assertThat(sessions.resolve(started.id())).isEmpty();
        assertThat(fx.backing.find(started.session().idHash())).isEmpty();
    }

    @Test
    void resolveIdleExpiryBoundary() {
        SessionManager idle = fx.manager(SessionSettings.builder().idleTimeout(Duration.ofMinutes(30)).build());
        NewSession justBefore = idle.start(alice, false, null);
        NewSession atTimeout = idle.start(alice, false, null);

        fx.clock.set(T0.plus(Duration.ofMinutes(30)).minusMillis(1));
        assertThat(idle.resolve(justBefore.id())).isPresent();

        fx.clock.set(T0.plus(Duration.ofMinutes(30)));
        assertThat(idle.resolve(atTimeout.id())).isEmpty();
        assertThat(fx.backing.find(atTimeout.session().idHash())).isEmpty();
    }

    @Test
    void resolveWhenUsedSteadilyThenIdleTimeoutNeverEndsIt() {
        SessionManager idle = fx.manager(SessionSettings.builder().idleTimeout(Duration.ofMinutes(30)).build());
        NewSession started = idle.start(alice, false, null);

        for (int i = 0; i < 12; i++) {
            fx.clock.advance(Duration.ofMinutes(20));
            assertThat(idle.resolve(started.id())).as("after %d minutes", 20 * (i + 1)).isPresent();
        }
    }

    @Test
    void resolveWritesLastSeenAtMostOncePerTouchInterval() {
        NewSession started = sessions.start(alice, false, null);
        fx.store.reset();

        sessions.resolve(started.id());
        fx.clock.set(T0.plusSeconds(60).minusMillis(1));
        sessions.resolve(started.id());
        assertThat(fx.store.writes()).isZero();

        fx.clock.set(T0.plusSeconds(60));
        assertThat(sessions.resolve(started.id()).orElseThrow().session().lastSeenAt()).isEqualTo(T0.plusSeconds(60));
        fx.clock.set(T0.plusSeconds(119));
        sessions.resolve(started.id());
        fx.clock.set(T0.plusSeconds(120));
        sessions.resolve(started.id());

        assertThat(fx.store.writes()).isEqualTo(2);
        assertThat(fx.store.count("touch")).isEqualTo(2);
        assertThat(fx.backing.find(started.session().idHash()).orElseThrow().lastSeenAt())
                .isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void endDeletesOnceThenReportsFalse() {
        NewSession started = sessions.start(alice, false, null);

        assertThat(sessions.end(started.id())).isTrue();
        assertThat(sessions.end(started.id())).isFalse();
    }

    @Test
    void sessionsOfListsLiveSessionsNewestFirst() {
        NewSession expiring = sessions.start(alice, false, null);
        fx.clock.advance(Duration.ofDays(1));
        NewSession older = sessions.start(alice, false, null);
        fx.clock.advance(Duration.ofSeconds(1));
        NewSession newer = sessions.start(alice, false, null);
        sessions.start(fx.user("bob"), false, null);
        fx.clock.set(expiring.session().expiresAt());

        assertThat(sessions.sessionsOf(alice.id())).containsExactly(newer.session(), older.session());
    }

    @Test
    void revokeAllEndsEverySessionOfTheUser() {
        NewSession one = sessions.start(alice, false, null);
        NewSession two = sessions.start(alice, true, null);
        NewSession bobs = sessions.start(fx.user("bob"), false, null);

        assertThat(sessions.revokeAll(alice.id())).isEqualTo(2);

        assertThat(sessions.resolve(one.id())).isEmpty();
        assertThat(sessions.resolve(two.id())).isEmpty();
        assertThat(sessions.resolve(bobs.id())).isPresent();
    }

    @Test
    void revokeOthersKeepsOnlyTheCurrentSession() {
        NewSession current = sessions.start(alice, false, null);
        NewSession other = sessions.start(alice, false, null);

        assertThat(sessions.revokeOthers(current.id())).isEqualTo(1);

        assertThat(sessions.resolve(current.id())).isPresent();
        assertThat(sessions.resolve(other.id())).isEmpty();
        assertThat(sessions.revokeOthers("unknown")).isZero();
    }

    @Test
    void revokeEndsTheUsersOwnSession() {
        NewSession current = sessions.start(alice, false, null);
        NewSession laptop = sessions.start(alice, false, null);

        assertThat(sessions.revoke(alice.id(), laptop.session().idHash())).isTrue();

        assertThat(sessions.resolve(laptop.id())).isEmpty();
        assertThat(sessions.resolve(current.id())).isPresent();
        assertThat(sessions.revoke(alice.id(), laptop.session().idHash())).isFalse();
    }

    @Test
    void setAndRemoveAttributeRoundTrip() {
        NewSession started = sessions.start(alice, false, null);

        assertThat(sessions.setAttribute(started.id(), "언어", "한국어").orElseThrow().attributes())
                .containsExactly(Map.entry("언어", "한국어"));
        assertThat(sessions.resolve(started.id()).orElseThrow().session().attributes()).containsEntry("언어", "한국어");
        assertThat(sessions.removeAttribute(started.id(), "언어").orElseThrow().attributes()).isEmpty();
        assertThat(sessions.setAttribute("not-a-session", "k", "v")).isEmpty();
    }

    @Test
    void setAttributeWhenLimitReachedThenRejectedAndNothingStored() {
        SessionManager small = fx.manager(SessionSettings.builder().maxAttributes(2).build());
        NewSession started = small.start(alice, false, null);
        small.setAttribute(started.id(), "a", "1");
        small.setAttribute(started.id(), "b", "2");
        fx.store.reset();

        assertThatThrownBy(() -> small.setAttribute(started.id(), "c", "3"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("session_attributes_full"));
        assertThat(small.setAttribute(started.id(), "b", "replaced")).isPresent();
        assertThat(fx.store.count("update")).isEqualTo(1);
        assertThat(fx.store.writes()).as("only the accepted change is written").isEqualTo(1);
    }

    @Test
    void setAttributeWhenKeyHasControlCharactersThenRejectedWithoutTouchingTheStore() {
        NewSession started = sessions.start(alice, false, null);
        fx.store.reset();

        assertThatThrownBy(() -> sessions.setAttribute(started.id(), "a\nb", "v"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(fx.store.calls()).isEmpty();
    }

    @Test
    void clearExpiredDeletesInBatchesUntilDrained() {
        for (int i = 0; i < 2_500; i++) {
            sessions.start(alice, false, null);
        }
        fx.clock.advance(Duration.ofDays(1));
        NewSession live = sessions.start(alice, false, null);
        fx.clock.set(T0.plus(Duration.ofDays(14)));
        fx.store.reset();

        assertThat(sessions.clearExpired()).isEqualTo(2_500);

        assertThat(fx.store.count("deleteExpired")).isEqualTo(3);
        assertThat(fx.backing.findByUser(alice.id())).containsExactly(live.session());
    }

    @Test
    void rebindKeepsAttributesAndAbsoluteExpiryUnderANewId() {
        NewSession current = sessions.start(alice, true, null);
        sessions.setAttribute(current.id(), "theme", "dark");
        fx.clock.advance(Duration.ofDays(4));
        User changed = fx.changePassword(alice, "pbkdf2_sha256$600000$salt$new");

        NewSession rebound = sessions.rebind(current.id(), changed).orElseThrow();

        assertThat(rebound.id()).isNotEqualTo(current.id());
        assertThat(rebound.session().attributes()).containsExactly(Map.entry("theme", "dark"));
        assertThat(rebound.session().expiresAt()).isEqualTo(current.session().expiresAt());
        assertThat(rebound.session().createdAt()).isEqualTo(current.session().createdAt());
        assertThat(rebound.cookieMaxAge()).contains(Duration.ofDays(10));
        assertThat(sessions.resolve(rebound.id()).orElseThrow().user()).isEqualTo(changed);
    }

    @Test
    void rebindWhenSessionUnknownOrAnotherUsersThenNothingChanges() {
        NewSession bobs = sessions.start(fx.user("bob"), false, null);

        assertThat(sessions.rebind("nonsense", alice)).isEmpty();
        assertThatThrownBy(() -> sessions.rebind(bobs.id(), alice)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sessions.resolve(bobs.id())).isPresent();
    }
}
