package io.gatehouse.bench;

import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.jdbc.JdbcSettings;
import io.gatehouse.jdbc.JdbcStores;
import io.gatehouse.permission.Group;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The data of the request-path rows, the same on both sides in one database: {@code users} users, each with
 * {@code sessionsPerUser} sessions; {@value #GROUPS} groups of 4 permissions each; every user in one group and with
 * 2 direct permissions, so 6 permissions per user. Gatehouse's side in its JDBC store's tables (sessions started
 * through {@link io.gatehouse.session.SessionManager#start}, so they are real logins), Spring's in Spring Session's
 * and Spring Security's tables ({@link SpringPeer}).
 *
 * <p>User {@code n} (from 1; see {@link Population}) is in group {@code n % 10}, holding the four permissions of
 * {@code app.*_thing<n % 10>}, and holds {@code app.view_thing<k>} and {@code app.change_thing<k>} directly, with
 * {@code k = (n + 1) % 10}. Spring's authorities are the same names. Session {@code i} (from 0) belongs to user
 * {@code i / sessionsPerUser + 1} on both sides.
 */
final class ResolveSite implements AutoCloseable {
    /** How many groups; each user is in one. */
    static final int GROUPS = 10;

    private static final long SESSION_SECONDS = 14 * 24 * 3600;

    private final IsolatedDatabase db;
    private final SecretKeyRing keys;
    private final Gatehouse gatehouse;
    private final @Nullable SpringPeer spring;
    private final int sessionsPerUser;
    private final List<String> cookies;
    private final List<String> springSessionIds;

    private ResolveSite(IsolatedDatabase db, int users, int sessionsPerUser, boolean withSpring) {
        this.db = db;
        this.sessionsPerUser = sessionsPerUser;
        keys = SecretKeyRing.generate(new SecureRandom());
        String prefix = Population.installSchema(db);
        JdbcStores stores = JdbcStores.create(db.dataSource(), JdbcSettings.defaults().withTablePrefix(prefix));
        gatehouse = stores.configure(Gatehouse.builder(keys)).build();
        String hash = Population.passwordHash();
        Population.users(db, prefix, users, hash);
        grantGatehouse(stores.permissions(), prefix, users);
        cookies = startSessions(users, hash);
        if (withSpring) {
            SpringPeer.installSchema(db);
            populateSpring(users, hash);
            springSessionIds = springSessions(users);
            spring = SpringPeer.on(db.dataSource());
        } else {
            springSessionIds = List.of();
            spring = null;
        }
        for (String table : List.of(prefix + "session", prefix + "user_permission", prefix + "user_group")) {
            Population.analyze(db, table);
        }
    }

    /**
     * Opens a database of its own and fills it.
     *
     * @param database which database
     * @param users how many users
     * @param sessionsPerUser sessions per user, on each side
     * @param poolSize the pool's size (at least the benchmark's thread count)
     * @param withSpring whether to build Spring's side too
     * @return the site; close it to drop the database
     */
    static ResolveSite open(BenchDatabase database, int users, int sessionsPerUser, int poolSize, boolean withSpring) {
        IsolatedDatabase db = database.open(poolSize);
        try {
            return new ResolveSite(db, users, sessionsPerUser, withSpring);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** How many sessions each side has. */
    int sessions() {
        return cookies.size();
    }

    /** The user that session {@code i} belongs to. */
    long userOf(int i) {
        return i / sessionsPerUser + 1L;
    }

    /** Gatehouse resolving session {@code i}'s cookie. */
    Subject gatehouse(int i) {
        return gatehouse.subject(cookies.get(i));
    }

    /** Spring resolving session {@code i}'s id. */
    @Nullable UserDetails spring(int i) {
        if (spring == null) {
            throw new IllegalStateException("This site was opened without Spring's side.");
        }
        return spring.resolve(springSessionIds.get(i));
    }

    /** The names of the permissions user {@code n} holds, directly and through its group. */
    static Set<String> permissionsOf(long n) {
        Set<String> names = new TreeSet<>();
        for (Permission p : groupPermissions((int) (n % GROUPS))) {
            names.add(p.name());
        }
        int k = (int) ((n + 1) % GROUPS);
        names.add("app.view_thing" + k);
        names.add("app.change_thing" + k);
        return names;
    }

    /**
     * Statements per resolve on each side, counted on the last session (the newest, so no touch is due), through
     * a {@link CountingDataSource} around the same pool for each side. Gatehouse resolves the session twice: first on
     * a node that has read nothing yet, then again, when it reuses the permissions it read (the epoch has not moved).
     *
     * @return the counts
     */
    StatementCounts countStatements() {
        int last = sessions() - 1;
        CountingDataSource ours = new CountingDataSource(db.dataSource());
        Gatehouse counted = JdbcStores.create(Jdbi.create(ours),
                JdbcSettings.defaults().withDialect(db.database().dialect())).configure(Gatehouse.builder(keys)).build();
        if (!counted.subject(cookies.get(last)).isAuthenticated()) {
            throw new IllegalStateException("The counted Gatehouse resolve found no user.");
        }
        int first = ours.executions();
        if (!counted.subject(cookies.get(last)).isAuthenticated()) {
            throw new IllegalStateException("The second counted Gatehouse resolve found no user.");
        }
        int again = ours.executions() - first;
        int springExecutions = -1;
        int springTransactions = -1;
        if (spring != null) {
            CountingDataSource theirs = new CountingDataSource(db.dataSource());
            if (SpringPeer.on(theirs).resolve(springSessionIds.get(last)) == null) {
                throw new IllegalStateException("The counted Spring resolve found no user.");
            }
            springExecutions = theirs.executions();
            springTransactions = theirs.transactionEnds();
        }
        return new StatementCounts(first, again, ours.transactionEnds(), springExecutions, springTransactions);
    }

    /**
     * Statements per resolve.
     *
     * @param gatehouseFirst statements Gatehouse executed for its first resolve (permissions read)
     * @param gatehouseAgain statements Gatehouse executed for the same resolve again (permissions reused)
     * @param gatehouseTransactions commits and rollbacks for both of Gatehouse's resolves
     * @param springExecutions statement executions for Spring, or -1 without Spring's side
     * @param springTransactions commits and rollbacks for Spring, or -1 without Spring's side
     */
    record StatementCounts(int gatehouseFirst, int gatehouseAgain, int gatehouseTransactions,
            int springExecutions, int springTransactions) {
        @Override
        public String toString() {
            return "Gatehouse " + gatehouseFirst + " statement(s), and " + gatehouseAgain + " when it reuses the "
                    + "permissions, " + gatehouseTransactions + " commit(s); Spring Session JDBC + JdbcUserDetailsManager "
                    + springExecutions + " statement(s), " + springTransactions + " commit(s)";
        }
    }

    @Override
    public void close() {
        db.close();
    }

    private static List<Permission> groupPermissions(int group) {
        return Permission.defaultsFor("app", "thing" + group);
    }

    private void grantGatehouse(PermissionStore permissions, String prefix, int users) {
        List<Permission> all = new ArrayList<>();
        for (int k = 0; k < GROUPS; k++) {
            all.addAll(groupPermissions(k));
        }
        permissions.register(all);
        long[] groupIds = new long[GROUPS];
        for (int k = 0; k < GROUPS; k++) {
            Group group = permissions.createGroup("group" + k);
            groupIds[k] = group.id();
            for (Permission p : groupPermissions(k)) {
                permissions.grantToGroup(group.id(), p);
            }
        }
        try (BulkInsert members = BulkInsert.into(db.dataSource(), db.database(), prefix + "user_group",
                "user_id", "group_id")) {
            for (long n = 1; n <= users; n++) {
                members.row(n, groupIds[(int) (n % GROUPS)]);
            }
        }
        try (BulkInsert grants = BulkInsert.into(db.dataSource(), db.database(), prefix + "user_permission",
                "user_id", "permission_name")) {
            for (long n = 1; n <= users; n++) {
                int k = (int) ((n + 1) % GROUPS);
                grants.row(n, "app.view_thing" + k);
                grants.row(n, "app.change_thing" + k);
            }
        }
    }

    /** Real logins' sessions: one INSERT each through the session manager. */
    private List<String> startSessions(int users, String hash) {
        List<String> ids = new ArrayList<>(users * sessionsPerUser);
        for (long n = 1; n <= users; n++) {
            User user = Population.user(n, hash);
            for (int j = 0; j < sessionsPerUser; j++) {
                ids.add(gatehouse.sessions().start(user, false, null).id());
            }
        }
        return List.copyOf(ids);
    }

    private void populateSpring(int users, String hash) {
        try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), "users", "username", "password",
                "enabled")) {
            for (long n = 1; n <= users; n++) {
                rows.row(Population.username(n), hash, true);
            }
        }
        try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), "groups", "id", "group_name")) {
            for (int k = 0; k < GROUPS; k++) {
                rows.row(k + 1L, "group" + k);
            }
        }
        try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), "group_authorities", "group_id",
                "authority")) {
            for (int k = 0; k < GROUPS; k++) {
                for (Permission p : groupPermissions(k)) {
                    rows.row(k + 1L, p.name());
                }
            }
        }
        try (BulkInsert members = BulkInsert.into(db.dataSource(), db.database(), "group_members", "username",
                "group_id");
                BulkInsert authorities = BulkInsert.into(db.dataSource(), db.database(), "authorities", "username",
                        "authority")) {
            for (long n = 1; n <= users; n++) {
                members.row(Population.username(n), n % GROUPS + 1);
                int k = (int) ((n + 1) % GROUPS);
                authorities.row(Population.username(n), "app.view_thing" + k);
                authorities.row(Population.username(n), "app.change_thing" + k);
            }
        }
        for (String table : List.of("users", "authorities", "groups", "group_members", "group_authorities")) {
            Population.analyze(db, table);
        }
    }

    /**
     * Spring Session rows as its repository writes them (ids are random UUIDs, the principal name in its column and,
     * serialised, in the attributes table), two weeks of inactivity allowed.
     */
    private List<String> springSessions(int users) {
        long now = Instant.now().toEpochMilli();
        List<String> ids = new ArrayList<>(users * sessionsPerUser);
        List<String> primaryIds = new ArrayList<>(users * sessionsPerUser);
        // Sessions first, committed, then their attributes: the attributes' foreign key must see the sessions.
        try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), "SPRING_SESSION", "PRIMARY_ID",
                "SESSION_ID", "CREATION_TIME", "LAST_ACCESS_TIME", "MAX_INACTIVE_INTERVAL", "EXPIRY_TIME",
                "PRINCIPAL_NAME")) {
            for (int i = 0; i < users * sessionsPerUser; i++) {
                String primaryId = UUID.randomUUID().toString();
                String sessionId = UUID.randomUUID().toString();
                rows.row(primaryId, sessionId, now, now, (int) SESSION_SECONDS, now + SESSION_SECONDS * 1000,
                        Population.username(userOf(i)));
                primaryIds.add(primaryId);
                ids.add(sessionId);
            }
        }
        try (BulkInsert rows = BulkInsert.into(db.dataSource(), db.database(), "SPRING_SESSION_ATTRIBUTES",
                "SESSION_PRIMARY_ID", "ATTRIBUTE_NAME", "ATTRIBUTE_BYTES")) {
            for (int i = 0; i < primaryIds.size(); i++) {
                rows.row(primaryIds.get(i), SpringPeer.PRINCIPAL,
                        SpringPeer.attributeBytes(Population.username(userOf(i))));
            }
        }
        Population.analyze(db, "SPRING_SESSION");
        Population.analyze(db, "SPRING_SESSION_ATTRIBUTES");
        return List.copyOf(ids);
    }
}
