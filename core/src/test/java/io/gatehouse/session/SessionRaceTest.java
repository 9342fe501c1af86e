package io.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.user.User;
import org.junit.jupiter.api.Test;

/**
 * A logout or revocation that lands between a manager's read of a session and its write must win: the
 * session stays dead. Each test plays the other request into that window through {@link InterleavingSessionStore}.
 */
class SessionRaceTest {
    private final SessionFixture fx = new SessionFixture();
    private final InterleavingSessionStore store = new InterleavingSessionStore(fx.store);
    private final SessionManager sessions = fx.manager(store);
    private final User alice = fx.user("alice");

    @Test
    void setAttributeCannotResurrectASessionLoggedOutMeanwhile() {
        NewSession stolen = sessions.start(alice, false, null);
        store.beforeNextWrite(() -> assertThat(sessions.end(stolen.id())).isTrue());

        assertThat(sessions.setAttribute(stolen.id(), "cart", "tv")).isEmpty();

        assertThat(fx.backing.find(stolen.session().idHash())).isEmpty();
        assertThat(sessions.resolve(stolen.id())).isEmpty();
    }

    @Test
    void removeAttributeCannotResurrectASessionRevokedMeanwhile() {
        NewSession stolen = sessions.start(alice, false, null);
        sessions.setAttribute(stolen.id(), "cart", "tv");
        store.beforeNextWrite(() -> assertThat(sessions.revoke(alice.id(), stolen.session().idHash())).isTrue());

        assertThat(sessions.removeAttribute(stolen.id(), "cart")).isEmpty();

        assertThat(fx.backing.find(stolen.session().idHash())).isEmpty();
        assertThat(sessions.resolve(stolen.id())).isEmpty();
    }

    @Test
    void setAttributeCannotResurrectAfterLogOutEverywhere() {
        NewSession stolen = sessions.start(alice, true, null);
        store.beforeNextWrite(() -> assertThat(sessions.revokeAll(alice.id())).isEqualTo(1));

        assertThat(sessions.setAttribute(stolen.id(), "next", "/settings")).isEmpty();

        assertThat(fx.backing.findByUser(alice.id())).isEmpty();
    }

    @Test
    void rebindCannotOutliveLogOutEverywhereThatRanMeanwhile() {
        NewSession stolen = sessions.start(alice, true, null);
        User changed = fx.changePassword(alice, "pbkdf2_sha256$600000$salt$new");
        store.beforeNextWrite(() -> assertThat(sessions.revokeAll(alice.id())).isEqualTo(1));

        assertThat(sessions.rebind(stolen.id(), changed)).isEmpty();

        assertThat(fx.backing.findByUser(alice.id())).as("neither the old id nor a new one").isEmpty();
        assertThat(sessions.resolve(stolen.id())).isEmpty();
    }

    @Test
    void rebindCannotOutliveALogoutOfTheCurrentSessionThatRanMeanwhile() {
        NewSession current = sessions.start(alice, false, null);
        User changed = fx.changePassword(alice, "pbkdf2_sha256$600000$salt$new");
        store.beforeNextWrite(() -> assertThat(sessions.end(current.id())).isTrue());

        assertThat(sessions.rebind(current.id(), changed)).isEmpty();

        assertThat(fx.backing.findByUser(alice.id())).isEmpty();
    }

    @Test
    void logoutAfterTheWriteStillEndsTheSession() {
        NewSession current = sessions.start(alice, false, null);

        assertThat(sessions.setAttribute(current.id(), "theme", "dark")).isPresent();
        assertThat(sessions.end(current.id())).isTrue();

        assertThat(fx.backing.find(current.session().idHash())).isEmpty();
    }
}
