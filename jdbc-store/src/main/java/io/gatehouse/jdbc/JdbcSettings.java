package io.gatehouse.jdbc;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the JDBC store names its tables and which SQL dialect it speaks.
 *
 * <pre>{@code
 * JdbcSettings settings = JdbcSettings.defaults().withTablePrefix("auth_");
 * }</pre>
 *
 * <p>The table prefix defaults to {@value #DEFAULT_PREFIX}; it must match {@code [a-z][a-z0-9_]*_} and be at
 * most {@value #MAX_PREFIX_LENGTH} characters long, so every table, index and constraint name stays within
 * the identifier limits of PostgreSQL (63) and MariaDB (64). The dialect is detected from the connection's
 * metadata unless given.
 *
 * <p>Immutable and thread-safe.
 */
public final class JdbcSettings {
    /** The table prefix used unless another is given. */
    public static final String DEFAULT_PREFIX = "gatehouse_";
    /** The longest table prefix. */
    public static final int MAX_PREFIX_LENGTH = 24;

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]*_");
    /** Sessions whose permissions a node remembers unless told otherwise. */
    public static final int DEFAULT_PERMISSION_CACHE = 20_000;

    private static final JdbcSettings DEFAULTS = new JdbcSettings(DEFAULT_PREFIX, null, DEFAULT_PERMISSION_CACHE);

    private final String tablePrefix;
    private final @Nullable Dialect dialect;
    private final int permissionCache;

    private JdbcSettings(String tablePrefix, @Nullable Dialect dialect, int permissionCache) {
        this.tablePrefix = checkPrefix(tablePrefix);
        this.dialect = dialect;
        if (permissionCache < 0) {
            throw new IllegalArgumentException("permissionCache must be 0 (off) or more, was " + permissionCache + ".");
        }
        this.permissionCache = permissionCache;
    }

    /**
     * The defaults: prefix {@value #DEFAULT_PREFIX}, dialect detected.
     *
     * @return the default settings
     */
    public static JdbcSettings defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another table prefix.
     *
     * @param prefix e.g. {@code auth_}
     * @return the new settings
     * @throws IllegalArgumentException naming {@code tablePrefix} when the prefix breaks the rule above
     */
    public JdbcSettings withTablePrefix(String prefix) {
        return new JdbcSettings(prefix, dialect, permissionCache);
    }

    /**
     * A copy that speaks the given dialect instead of detecting it.
     *
     * @param value the dialect
     * @return the new settings
     */
    public JdbcSettings withDialect(Dialect value) {
        return new JdbcSettings(tablePrefix, Objects.requireNonNull(value, "dialect"), permissionCache);
    }

    /**
     * A copy that remembers the permissions of at most {@code sessions} sessions per node, to skip reading them
     * again while no grant, membership or group has changed anywhere (the permission epoch: see the schema's
     * {@code V2__permission_epoch.sql}). Decisions never use stale permissions: every change made through the
     * {@link io.gatehouse.permission.PermissionStore} is seen by every node's next request. Turn it off (0) when
     * something else writes the grant tables without raising the epoch.
     *
     * @param sessions how many sessions' permissions to remember, 0 for none
     * @return the new settings
     * @throws IllegalArgumentException naming {@code permissionCache} when negative
     */
    public JdbcSettings withPermissionCache(int sessions) {
        return new JdbcSettings(tablePrefix, dialect, sessions);
    }

    /**
     * How many sessions' permissions a node remembers.
     *
     * @return the count, 0 when off; {@value #DEFAULT_PERMISSION_CACHE} unless set
     */
    public int permissionCache() {
        return permissionCache;
    }

    /**
     * The prefix of every table name.
     *
     * @return e.g. {@code gatehouse_}
     */
    public String tablePrefix() {
        return tablePrefix;
    }

    /**
     * The dialect, when given.
     *
     * @return the dialect, or empty to detect it from the connection
     */
    public Optional<Dialect> dialect() {
        return Optional.ofNullable(dialect);
    }

    /**
     * Checks a table prefix.
     *
     * @param prefix the candidate
     * @return {@code prefix}
     * @throws IllegalArgumentException naming {@code tablePrefix} when it breaks the rule
     */
    static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "tablePrefix");
        if (prefix.length() > MAX_PREFIX_LENGTH || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be lower-case ASCII letters, digits and underscores, "
                    + "start with a letter, end with an underscore and be at most " + MAX_PREFIX_LENGTH
                    + " characters long, as in gatehouse_; was \"" + prefix.replaceAll("[^\\x20-\\x7e]", "?") + "\".");
        }
        return prefix;
    }

    @Override
    public String toString() {
        return "JdbcSettings[tablePrefix=" + tablePrefix + ", dialect=" + (dialect == null ? "detect" : dialect)
                + ", permissionCache=" + permissionCache + "]";
    }
}
