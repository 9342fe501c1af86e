package io.gatehouse.jdbc;

import io.gatehouse.Gatehouse;
import io.gatehouse.UnitOfWork;
import io.gatehouse.outbox.MailOutbox;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.session.SessionStore;
import io.gatehouse.session.SessionSubjectLookup;
import io.gatehouse.throttle.ThrottleStore;
import io.gatehouse.user.UserStore;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * Every Gatehouse port on one SQL database: users, groups and grants, sessions, the one-query request-path
 * lookup, login throttling, the mail outbox and the unit of work that spans them.
 *
 * <pre>{@code
 * DataSource dataSource = ...;                     // the application's pool, e.g. HikariCP
 * SchemaInstaller.install(dataSource);              // or run db/gatehouse/<dialect>/V*.sql with Flyway
 * JdbcStores stores = JdbcStores.create(dataSource, JdbcSettings.defaults());
 * Gatehouse gatehouse = stores.configure(Gatehouse.builder(keys)).build();
 * }</pre>
 *
 * <p>Every store borrows a connection per call and returns it before the call returns, except inside
 * {@link #unitOfWork()}, where every call on the same thread joins the unit's transaction. Nothing is cached in
 * memory, so any number of application nodes can share the database. Database failures surface as
 * {@link io.gatehouse.StoreException}s, unique-key conflicts on users as
 * {@link io.gatehouse.user.DuplicateUserException}s.
 *
 * <p>Immutable and thread-safe. Security note: only SHA-256 hashes of session ids are stored, and a
 * {@code StoreException} carries the driver's {@link java.sql.SQLException}, never a JDBI exception rendering
 * the statement's bound values, so no password hash reaches a log through it.
 */
public final class JdbcStores {
    private final JdbcSettings settings;
    private final Dialect dialect;
    private final UserStore users;
    private final PermissionStore permissions;
    private final SessionStore sessions;
    private final SessionSubjectLookup sessionLookup;
    private final ThrottleStore throttle;
    private final MailOutbox outbox;
    private final UnitOfWork unitOfWork;

    private JdbcStores(Jdbi jdbi, @Nullable DataSource dataSource, JdbcSettings settings) {
        this.settings = settings;
        this.dialect = settings.dialect().orElseGet(() -> detect(jdbi, settings.tablePrefix()));
        Db db = new Db(jdbi, dataSource, dialect, settings.tablePrefix());
        users = new JdbcUserStore(db);
        permissions = new JdbcPermissionStore(db);
        sessions = new JdbcSessionStore(db);
        sessionLookup = new JdbcSessionSubjectLookup(db, settings.permissionCache());
        throttle = new JdbcThrottleStore(db);
        outbox = new JdbcMailOutbox(db);
        unitOfWork = new JdbcUnitOfWork(db);
    }

    /**
     * Stores on a data source, with the default settings.
     *
     * @param dataSource the application's connection pool
     * @return the stores
     * @throws io.gatehouse.StoreException when the dialect must be detected and the database cannot be reached
     */
    public static JdbcStores create(DataSource dataSource) {
        return create(dataSource, JdbcSettings.defaults());
    }

    /**
     * Stores on a data source.
     *
     * @param dataSource the application's connection pool
     * @param settings the table prefix and, optionally, the dialect
     * @return the stores
     * @throws io.gatehouse.StoreException when the dialect must be detected and the database cannot be reached
     * @throws IllegalArgumentException naming {@code dialect} when the database is not supported
     */
    public static JdbcStores create(DataSource dataSource, JdbcSettings settings) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(settings, "settings");
        return new JdbcStores(jdbiOf(dataSource), dataSource, settings);
    }

    /**
     * Stores on a {@link Jdbi} the application already configured (its plugins and SQL logger apply, and a
     * unit of work of the application's own on the same thread is joined). Configure its
     * {@link StatementExceptions} so that error messages leave out bound values.
     *
     * @param jdbi the application's Jdbi
     * @param settings the table prefix and, optionally, the dialect
     * @return the stores
     */
    public static JdbcStores create(Jdbi jdbi, JdbcSettings settings) {
        Objects.requireNonNull(jdbi, "jdbi");
        Objects.requireNonNull(settings, "settings");
        return new JdbcStores(jdbi, null, settings);
    }

    /**
     * Sets every port of a Gatehouse builder to these stores: users, permissions, sessions, the one-query
     * session lookup, throttling, the outbox and the unit of work.
     *
     * @param builder the builder
     * @return the same builder, for chaining
     */
    public Gatehouse.Builder configure(Gatehouse.Builder builder) {
        return Objects.requireNonNull(builder, "builder")
                .userStore(users)
                .permissionStore(permissions)
                .sessionStore(sessions)
                .sessionLookup(sessionLookup)
                .throttleStore(throttle)
                .mailOutbox(outbox)
                .unitOfWork(unitOfWork);
    }

    /**
     * The user store.
     *
     * @return the store
     */
    public UserStore users() {
        return users;
    }

    /**
     * The store of registered permissions, groups and grants.
     *
     * @return the store
     */
    public PermissionStore permissions() {
        return permissions;
    }

    /**
     * The session store.
     *
     * @return the store
     */
    public SessionStore sessions() {
        return sessions;
    }

    /**
     * The request-path lookup: session, user and permissions in one SQL statement.
     *
     * @return the lookup
     */
    public SessionSubjectLookup sessionLookup() {
        return sessionLookup;
    }

    /**
     * The login throttle counters.
     *
     * @return the store
     */
    public ThrottleStore throttle() {
        return throttle;
    }

    /**
     * The mail outbox.
     *
     * @return the outbox
     */
    public MailOutbox outbox() {
        return outbox;
    }

    /**
     * The unit of work: one database transaction that every store call on the same thread joins.
     *
     * @return the unit of work
     */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /**
     * The dialect in use, given or detected.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The settings the stores were made with.
     *
     * @return the settings
     */
    public JdbcSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "JdbcStores[" + dialect + ", tablePrefix=" + settings.tablePrefix() + "]";
    }

    /** A Jdbi whose exception messages carry neither SQL nor bound values. */
    static Jdbi jdbiOf(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }

    static Dialect detect(Jdbi jdbi, String prefix) {
        try {
            return jdbi.withHandle(handle -> Dialect.of(handle.getConnection().getMetaData()));
        } catch (JdbiException e) {
            throw StoreErrors.translate(e, "detecting the database dialect", prefix);
        } catch (SQLException e) {
            throw StoreErrors.translate(e, "detecting the database dialect", prefix);
        }
    }
}
