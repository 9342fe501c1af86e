package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.permission.Group;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.session.NewSession;
import io.gatehouse.session.ResolvedSession;
import io.gatehouse.session.Session;
import io.gatehouse.session.SessionManager;
import io.gatehouse.session.SessionSettings;
import io.gatehouse.session.SessionView;
import io.gatehouse.testing.MutableClock;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request path: session, user and permissions in one statement; no writes but the touch, at most once
 * per interval; foreign keys that take a user's sessions, grants and mail with it. Run on each database.
 */
abstract class SessionLookupCases {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00.123Z");
    private static final Permission VIEW = Permission.of("blog.view_post");
    private static final Permission ADD = Permission.of("blog.add_post");
    private static final Permission CHANGE = Permission.of("blog.change_post");
    private static final Permission DELETE = Permission.of("blog.delete_post");

    private final StatementCounter counter = new StatementCounter();
    private JdbcStores stores;
    private MutableClock clock;
    private SessionManager sessions;

    abstract DatabaseFixture db();

    @BeforeEach
    void countingStores() {
        db().freshStores();
        stores = db().storesOn(Jdbi.create(counter.around(db().dataSource())));
        clock = MutableClock.at(T0);
        sessions = SessionManager.builder(stores.sessions(), stores.sessionLookup(),
                SecretKeyRing.generate(new SecureRandom()), clock)
                .settings(SessionSettings.builder().touchInterval(Duration.ofSeconds(60))
                        .idleTimeout(Duration.ofHours(1)).build())
                .build();
        stores.permissions().register(Permission.defaultsFor("blog", "post"));
    }

    private User user(String name, boolean active) {
        return stores.users().create(UserBuilder.create(name, name + "@example.com", "!unusable", T0)
                .active(active).build());
    }

    @Test
    void findLoadsTheSessionItsUserAndTheirDirectAndGroupPermissionsInOneStatement() {
        User alice = user("alice", true);
        PermissionStore grants = stores.permissions();
        Group editors = grants.createGroup("editors");
        Group writers = grants.createGroup("writers");
        grants.grantToGroup(editors.id(), CHANGE);
        grants.grantToGroup(editors.id(), VIEW);
        grants.grantToGroup(writers.id(), VIEW);
        grants.grantToGroup(writers.id(), ADD);
        grants.grantToUser(alice.id(), DELETE);
        grants.grantToUser(alice.id(), VIEW);
        grants.addToGroup(alice.id(), editors.id());
        grants.addToGroup(alice.id(), writers.id());
        NewSession started = sessions.start(alice, true, null);

        counter.reset();
        Optional<SessionView> view = stores.sessionLookup().find(started.session().idHash());

        assertThat(counter.statements()).hasSize(1);
        assertThat(view).hasValueSatisfying(v -> {
            assertThat(v.session()).isEqualTo(started.session());
            assertThat(v.user()).isEqualTo(alice);
            assertThat(v.permissions()).containsExactlyInAnyOrder(ADD, CHANGE, DELETE, VIEW);
        });
    }

    @Test
    void findStaysOneStatementHoweverManyGroupsTheUserIsIn() {
        User alice = user("alice", true);
        List<Permission> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(Permission.of("app.perm_" + i));
        }
        stores.permissions().register(many);
        for (int i = 0; i < 40; i++) {
            Group group = stores.permissions().createGroup("group " + i);
            stores.permissions().grantToGroup(group.id(), many.get(i));
            stores.permissions().addToGroup(alice.id(), group.id());
        }
        NewSession started = sessions.start(alice, false, null);

        counter.reset();
        SessionView view = stores.sessionLookup().find(started.session().idHash()).orElseThrow();

        assertThat(counter.statements()).hasSize(1);
        assertThat(view.permissions()).containsExactlyInAnyOrderElementsOf(many);
    }

    @Test
    void findOfAUserWithoutGrantsHasNoPermissions() {
        NewSession started = sessions.start(user("alice", true), false, null);

        assertThat(stores.sessionLookup().find(started.session().idHash()).orElseThrow().permissions()).isEmpty();
    }

    @Test
    void findOfAnInactiveUserLoadsTheUserButNoPermissions() {
        User alice = user("alice", true);
        stores.permissions().grantToUser(alice.id(), VIEW);
        NewSession started = sessions.start(alice, false, null);
        stores.users().update(alice.toBuilder().active(false).buildUser());

        SessionView view = stores.sessionLookup().find(started.session().idHash()).orElseThrow();

        assertThat(view.user().active()).isFalse();
        assertThat(view.permissions()).isEmpty();
    }

    @Test
    void permissionsReadOnceAreReusedUntilTheEpochMovesAndStillInOneStatement() {
        User alice = user("alice", true);
        stores.permissions().grantToUser(alice.id(), VIEW);
        String idHash = sessions.start(alice, false, null).session().idHash();
        assertThat(stores.sessionLookup().find(idHash).orElseThrow().permissions()).containsExactly(VIEW);

        // A grant written with plain SQL, without raising the epoch: this node keeps what it read, which shows that
        // it reuses it (and is why the schema asks SQL writers to raise the epoch).
        sql("INSERT INTO " + db().prefix() + "user_permission (user_id, permission_name) VALUES (" + alice.id()
                + ", 'blog.add_post')");
        counter.reset();
        assertThat(stores.sessionLookup().find(idHash).orElseThrow().permissions()).containsExactly(VIEW);
        assertThat(counter.statements()).hasSize(1);

        sql("UPDATE " + db().prefix() + "permission_epoch SET epoch = epoch + 1 WHERE id = 1");
        counter.reset();
        assertThat(stores.sessionLookup().find(idHash).orElseThrow().permissions()).containsExactlyInAnyOrder(VIEW, ADD);
        assertThat(counter.statements()).hasSize(1);
    }

    @Test
    void everyChangeThatCanAlterPermissionsRaisesTheEpochAndAFailedOneDoesNot() {
        User alice = user("alice", true);
        PermissionStore grants = stores.permissions();
        Group editors = grants.createGroup("editors");
        List<Map.Entry<String, Runnable>> changes = List.of(
                Map.entry("grantToUser", () -> grants.grantToUser(alice.id(), VIEW)),
                Map.entry("revokeFromUser", () -> grants.revokeFromUser(alice.id(), VIEW)),
                Map.entry("grantToGroup", () -> grants.grantToGroup(editors.id(), CHANGE)),
                Map.entry("addToGroup", () -> grants.addToGroup(alice.id(), editors.id())),
                Map.entry("revokeFromGroup", () -> grants.revokeFromGroup(editors.id(), CHANGE)),
                Map.entry("removeFromGroup", () -> grants.removeFromGroup(alice.id(), editors.id())),
                Map.entry("removeUser", () -> grants.removeUser(alice.id())),
                Map.entry("deleteGroup", () -> grants.deleteGroup(editors.id())));
        for (Map.Entry<String, Runnable> change : changes) {
            long before = epoch();
            change.getValue().run();
            assertThat(epoch()).as(change.getKey()).isGreaterThan(before);
        }

        long before = epoch();
        assertThatThrownBy(() -> grants.grantToUser(alice.id() + 1000, VIEW)).isInstanceOf(RuntimeException.class);
        assertThat(epoch()).as("a refused grant rolls its epoch back with it").isEqualTo(before);
    }

    @Test
    void withoutTheEpochRowPermissionsAreReadOnEveryRequest() {
        User alice = user("alice", true);
        String idHash = sessions.start(alice, false, null).session().idHash();
        sql("DELETE FROM " + db().prefix() + "permission_epoch");
        try {
            assertThat(stores.sessionLookup().find(idHash).orElseThrow().permissions()).isEmpty();
            sql("INSERT INTO " + db().prefix() + "user_permission (user_id, permission_name) VALUES (" + alice.id()
                    + ", 'blog.view_post')");

            assertThat(stores.sessionLookup().find(idHash).orElseThrow().permissions()).containsExactly(VIEW);
            grants().revokeFromUser(alice.id(), VIEW);
            assertThat(stores.sessionLookup().find(idHash).orElseThrow().permissions()).isEmpty();
        } finally {
            sql("INSERT INTO " + db().prefix() + "permission_epoch (id, epoch) VALUES (1, 1000000)");
        }
    }

    @Test
    void withTheCacheOffPermissionsAreReadOnEveryRequest() {
        JdbcStores uncached = JdbcStores.create(db().dataSource(), db().settings().withPermissionCache(0));
        User alice = user("alice", true);
        String idHash = sessions.start(alice, false, null).session().idHash();
        assertThat(uncached.sessionLookup().find(idHash).orElseThrow().permissions()).isEmpty();

        sql("INSERT INTO " + db().prefix() + "user_permission (user_id, permission_name) VALUES (" + alice.id()
                + ", 'blog.view_post')");

        assertThat(uncached.sessionLookup().find(idHash).orElseThrow().permissions()).containsExactly(VIEW);
    }

    @Test
    void moreSessionsThanTheCacheHoldsStillResolveToTheirOwnPermissions() {
        JdbcStores small = JdbcStores.create(db().dataSource(), db().settings().withPermissionCache(2));
        List<Permission> each = List.of(VIEW, ADD, CHANGE, DELETE, VIEW);
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            User user = user("user" + i, true);
            grants().grantToUser(user.id(), each.get(i));
            hashes.add(sessions.start(user, false, null).session().idHash());
        }

        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < each.size(); i++) {
                assertThat(small.sessionLookup().find(hashes.get(i)).orElseThrow().permissions())
                        .as("round %d, session %d", round, i).containsExactly(each.get(i));
            }
        }
    }

    private PermissionStore grants() {
        return stores.permissions();
    }

    private long epoch() {
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT epoch FROM " + db().prefix() + "permission_epoch WHERE id = 1")) {
            assertThat(rs.next()).as("the epoch row").isTrue();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) {
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void findOfAnUnknownSessionIsEmptyAndWritesNothing() {
        counter.reset();

        assertThat(stores.sessionLookup().find("f".repeat(64))).isEmpty();
        assertThat(counter.statements()).hasSize(1);
        assertThat(counter.writes()).isEmpty();
    }

    @Test
    void resolveWritesTheLastSeenTimeAtMostOncePerTouchInterval() {
        NewSession started = sessions.start(user("alice", true), false, null);
        counter.reset();

        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(sessions.resolve(started.id())).isPresent();
        }
        assertThat(counter.statements()).as("five resolves inside the interval").hasSize(5);
        assertThat(counter.writes()).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        Optional<ResolvedSession> touched = sessions.resolve(started.id());
        assertThat(counter.writes()).as("the interval has passed: one touch").hasSize(1);
        assertThat(touched.orElseThrow().session().lastSeenAt()).isEqualTo(clock.instant());

        counter.reset();
        clock.advance(Duration.ofSeconds(59));
        assertThat(sessions.resolve(started.id())).isPresent();
        assertThat(counter.statements()).hasSize(1);
        assertThat(counter.writes()).isEmpty();
        assertThat(stores.sessions().find(started.session().idHash()).orElseThrow().lastSeenAt())
                .isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void deletingAUserTakesItsSessionsGrantsMembershipsAndMailWithIt() {
        User alice = user("alice", true);
        User bob = user("bob", true);
        Group editors = stores.permissions().createGroup("editors");
        stores.permissions().grantToUser(alice.id(), VIEW);
        stores.permissions().addToGroup(alice.id(), editors.id());
        stores.permissions().addToGroup(bob.id(), editors.id());
        Session aliceSession = sessions.start(alice, false, null).session();
        Session bobSession = sessions.start(bob, false, null).session();
        EmailMessage mail = EmailMessage.builder().from("noreply@example.com").to("alice@example.com").text("hi").build();
        long aliceMail = stores.outbox().enqueue(mail, alice.id(), T0).id();

        assertThat(stores.users().delete(alice.id())).isTrue();

        assertThat(stores.sessions().find(aliceSession.idHash())).isEmpty();
        assertThat(stores.sessionLookup().find(aliceSession.idHash())).isEmpty();
        assertThat(stores.permissions().directPermissions(alice.id())).isEmpty();
        assertThat(stores.permissions().groupsOf(alice.id())).isEmpty();
        assertThat(stores.outbox().find(aliceMail)).isEmpty();
        assertThat(stores.sessions().find(bobSession.idHash())).isPresent();
        assertThat(stores.permissions().groupsOf(bob.id())).containsExactly(editors);
    }

    @Test
    void sessionAttributesRoundTripThroughTheLookup() {
        User alice = user("alice", true);
        NewSession started = sessions.start(alice, false, null);
        Map<String, String> attributes = Map.of("cart", "사과, 배", "quote", "\"\\\u0000\u001f\u2028", "empty", "");
        sessions.setAttribute(started.id(), "cart", attributes.get("cart"));
        sessions.setAttribute(started.id(), "quote", attributes.get("quote"));
        sessions.setAttribute(started.id(), "empty", "");

        assertThat(stores.sessionLookup().find(started.session().idHash()).orElseThrow().session().attributes())
                .isEqualTo(attributes);
    }
}
