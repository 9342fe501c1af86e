package io.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DESIGN.md invariants 3 and 8 for sessions, each written as the attack it stops. */
class SessionSecurityTest {
    private final SessionFixture fx = new SessionFixture();
    private final SessionManager sessions = fx.manager();
    private final User alice = fx.user("alice");

    private static String sha256Hex(String raw) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void leakedStoreHoldsNoRawSessionId() throws Exception {
        NewSession started = sessions.start(alice, true, null);
        sessions.setAttribute(started.id(), "note", "hello");
        sessions.resolve(started.id());
        NewSession rebound = sessions.rebind(started.id(), fx.changePassword(alice, "argon2$new")).orElseThrow();

        assertThat(fx.backing.find(sha256Hex(rebound.id()))).isPresent();
        for (String raw : List.of(started.id(), rebound.id())) {
            assertThat(fx.store.arguments()).allSatisfy(arg -> assertThat(String.valueOf(arg)).doesNotContain(raw));
            for (Session held : fx.backing.findByUser(alice.id())) {
                assertThat(held.idHash()).isNotEqualTo(raw).doesNotContain(raw);
                assertThat(held.authHash()).doesNotContain(raw);
                assertThat(held.attributes().toString()).doesNotContain(raw);
            }
        }
        assertThat(rebound.session().idHash()).isEqualTo(sha256Hex(rebound.id()));
    }

    @Test
    void sessionIdsAre256RandomBitsInUrlSafeBase64() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = sessions.start(alice, false, null).id();
            assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(32);
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }

    @Test
    void fixationPlantedSessionIdIsDeadAfterVictimLogsIn() {
        NewSession attackers = sessions.start(fx.user("mallory"), false, null);
        sessions.setAttribute(attackers.id(), "next", "/transfer?to=mallory");

        NewSession victims = sessions.start(alice, false, attackers.id());

        assertThat(victims.id()).isNotEqualTo(attackers.id());
        assertThat(sessions.resolve(attackers.id())).isEmpty();
        assertThat(victims.session().attributes()).as("no attributes from another user's session").isEmpty();
        assertThat(sessions.resolve(victims.id()).orElseThrow().user()).isEqualTo(alice);
    }

    @Test
    void fixationInventedSessionIdNeverBecomesTheLoggedInId() {
        String planted = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        NewSession victims = sessions.start(alice, false, planted);

        assertThat(victims.id()).isNotEqualTo(planted);
        assertThat(sessions.resolve(planted)).isEmpty();
    }

    @Test
    void logoutDeletesServerSideSoAStolenCookieIsUseless() {
        NewSession started = sessions.start(alice, true, null);

        assertThat(sessions.end(started.id())).isTrue();

        assertThat(fx.backing.find(started.session().idHash())).isEmpty();
        assertThat(sessions.resolve(started.id())).isEmpty();
    }

    @Test
    void passwordChangedBehindTheSessionsBackEndsIt() {
        NewSession started = sessions.start(alice, false, null);
        fx.changePassword(alice, "pbkdf2_sha256$600000$salt$changed-elsewhere");

        assertThat(sessions.resolve(started.id())).isEmpty();
        assertThat(fx.backing.find(started.session().idHash())).isEmpty();
    }

    @Test
    void rebindKeepsTheCurrentDeviceAndLogsOutEveryOther() {
        NewSession current = sessions.start(alice, false, null);
        NewSession stolen = sessions.start(alice, true, null);
        NewSession bobs = sessions.start(fx.user("bob"), false, null);
        User changed = fx.changePassword(alice, "pbkdf2_sha256$600000$salt$new");

        NewSession rebound = sessions.rebind(current.id(), changed).orElseThrow();

        assertThat(sessions.resolve(rebound.id())).isPresent();
        assertThat(sessions.resolve(current.id())).as("old id of the current session").isEmpty();
        assertThat(sessions.resolve(stolen.id())).as("another device").isEmpty();
        assertThat(fx.backing.findByUser(alice.id())).containsExactly(rebound.session());
        assertThat(sessions.resolve(bobs.id())).as("another user").isPresent();
    }

    @Test
    void keyRotationKeepsSessionsUnderAFallbackAndDropsThemWithIt() {
        SecureRandom random = new SecureRandom();
        byte[] keyA = new byte[32];
        byte[] keyB = new byte[32];
        random.nextBytes(keyA);
        random.nextBytes(keyB);
        NewSession underA = fx.manager(SessionSettings.defaults(), SecretKeyRing.of(keyA)).start(alice, false, null);

        SessionManager rotated = fx.manager(SessionSettings.defaults(), SecretKeyRing.of(keyB, keyA));
        assertThat(rotated.resolve(underA.id())).isPresent();

        SessionManager fallbackDropped = fx.manager(SessionSettings.defaults(), SecretKeyRing.of(keyB));
        assertThat(fallbackDropped.resolve(underA.id())).isEmpty();
    }

    static Stream<String> malformedIds() {
        String valid = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        return Stream.of("", "x", "a".repeat(10_000), valid.substring(1), valid + "A",
                valid.substring(0, 42) + "+", valid.substring(0, 42) + "/", valid.substring(0, 42) + "=",
                valid.substring(0, 41) + "\r\n", valid.substring(0, 42) + "\0", valid.substring(0, 42) + "é",
                " " + valid.substring(1), "' OR '1'='1' --" + "A".repeat(28),
                // Same bits as a real id but a non-canonical last character: two spellings of one id.
                valid.substring(0, 42) + "B");
    }

    @ParameterizedTest
    @MethodSource("malformedIds")
    void malformedIdNeverReachesTheStore(String malformed) {
        sessions.start(alice, false, null);
        fx.store.reset();

        assertThat(sessions.resolve(malformed)).isEmpty();
        assertThat(sessions.end(malformed)).isFalse();
        assertThat(sessions.revokeOthers(malformed)).isZero();
        assertThat(sessions.rebind(malformed, alice)).isEmpty();
        assertThat(sessions.setAttribute(malformed, "k", "v")).isEmpty();

        assertThat(fx.store.calls()).isEmpty();
    }

    @Test
    void nullIdIsJustUnknown() {
        assertThat(sessions.resolve(null)).isEmpty();
        assertThat(sessions.end(null)).isFalse();
        assertThat(fx.store.calls()).isEmpty();
    }

    @Test
    void wellFormedUnknownIdReadsOnceAndWritesNothing() {
        String unknown = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        fx.store.reset();

        assertThat(sessions.resolve(unknown)).isEmpty();

        assertThat(fx.store.calls()).containsExactly("find");
    }

    @Test
    void deactivatedUserLosesTheSession() {
        NewSession started = sessions.start(alice, false, null);
        fx.users.update(alice.toBuilder().active(false).buildUser());

        assertThat(sessions.resolve(started.id())).isEmpty();
        assertThat(fx.backing.find(started.session().idHash())).isEmpty();
    }

    @Test
    void deletedUserLosesTheSession() {
        NewSession started = sessions.start(alice, false, null);
        fx.users.delete(alice.id());

        assertThat(sessions.resolve(started.id())).isEmpty();
        assertThat(fx.backing.find(started.session().idHash())).isEmpty();
    }

    @Test
    void revokeCannotEndAnotherUsersSession() {
        NewSession alices = sessions.start(alice, false, null);
        User mallory = fx.user("mallory");

        assertThat(sessions.revoke(mallory.id(), alices.session().idHash())).isFalse();

        assertThat(sessions.resolve(alices.id())).isPresent();
    }

    @Test
    void toStringNeverShowsIdsHashesOrKeys() {
        NewSession started = sessions.start(alice, true, null);
        ResolvedSession resolved = sessions.resolve(started.id()).orElseThrow();
        Session session = started.session();

        for (String text : List.of(started.toString(), session.toString(), resolved.toString(),
                fx.keys.toString(), sessions.toString())) {
            assertThat(text)
                    .doesNotContain(started.id())
                    .doesNotContain(session.idHash())
                    .doesNotContain(session.authHash())
                    .doesNotContain(alice.passwordHash());
        }
    }
}
