package io.gatehouse.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.examples.config.DemoSettings;
import io.gatehouse.jdbc.JdbcSettings;
import io.gatehouse.jdbc.JdbcStores;
import io.gatehouse.jdbc.SchemaInstaller;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The database the settings name, opened for one command: a small connection pool, failures to connect turned
 * into {@link CliException}s that say what to fix, the schema check, and the Gatehouse wired on it.
 */
final class Database implements AutoCloseable {
    /**
     * SQLStates of "table not found": MariaDB and H2 42S02 (42S04 when the H2 database is empty), PostgreSQL 42P01.
     */
    private static final Set<String> MISSING_TABLE = Set.of("42S02", "42S04", "42P01");
    /** H2's SQLStates for a server connection that failed. */
    private static final Set<String> H2_UNREACHABLE = Set.of("90067", "90098", "90121", "90028");
    private static final String HINT = " Set --db-url or GATEHOUSE_DB_URL.";

    private final HikariDataSource dataSource;
    private final String shownUrl;

    private Database(HikariDataSource dataSource, String shownUrl) {
        this.dataSource = dataSource;
        this.shownUrl = shownUrl;
    }

    /**
     * Connects to the database of the settings.
     *
     * @param settings the settings with the command line's overrides
     * @return the open database
     * @throws CliException {@link Exit#CONFIG} for a login, driver or URL the database refuses, {@link Exit#DATABASE}
     *     when it cannot be reached
     */
    static Database open(DemoSettings settings) {
        String url = settings.databaseUrl();
        String shown = Redaction.mask(url);
        HikariConfig config = new HikariConfig();
        config.setPoolName("gatehouse-cli");
        config.setJdbcUrl(url);
        if (!settings.databaseUser().isEmpty()) {
            config.setUsername(settings.databaseUser());
        }
        if (!settings.databasePassword().isEmpty()) {
            config.setPassword(settings.databasePassword());
        }
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(1);
        try {
            return new Database(new HikariDataSource(config), shown);
        } catch (RuntimeException e) {
            throw connectFailure(e, shown, settings.databaseUser());
        }
    }

    /** The URL as shown in messages, with any password masked. */
    String shownUrl() {
        return shownUrl;
    }

    /**
     * Installs or upgrades the schema.
     *
     * @return the versions applied now; empty when it was up to date
     */
    List<Integer> migrate() {
        return SchemaInstaller.install(dataSource);
    }

    /**
     * The newest schema version installed.
     *
     * @return the version, 0 when the schema is not installed
     */
    int installedVersion() {
        String table = JdbcSettings.DEFAULT_PREFIX + "schema_version";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM " + table + " WHERE version > 0")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            if (e.getSQLState() != null && MISSING_TABLE.contains(e.getSQLState())) {
                return 0;
            }
            throw new CliException(Exit.DATABASE, "The database at " + shownUrl + " failed while the schema version "
                    + "was read: " + firstLine(e) + " (SQLState " + e.getSQLState() + ").", e);
        }
    }

    /**
     * Makes sure the tables this tool works on exist in the version it knows.
     *
     * @throws CliException {@link Exit#SCHEMA} when they are missing, older or newer
     */
    void requireSchema() {
        int installed = installedVersion();
        int latest = SchemaInstaller.latestVersion();
        if (installed == 0) {
            throw new CliException(Exit.SCHEMA, "The Gatehouse schema is not installed in the database at " + shownUrl
                    + ". Run `gatehouse migrate` first (it creates the tables).");
        }
        String at = "The Gatehouse schema in the database at " + shownUrl + " is at version " + installed;
        if (installed < latest) {
            throw new CliException(Exit.SCHEMA, at + "; this tool needs version " + latest
                    + ". Run `gatehouse migrate` to upgrade it.");
        }
        if (installed > latest) {
            throw new CliException(Exit.SCHEMA, at + ", newer than this tool knows (" + latest
                    + "). Use the tool of the Gatehouse version that installed it.");
        }
    }

    /**
     * Gatehouse on this database, with the default hasher, password policy and session settings the demo uses.
     *
     * @param keys the server's secret key
     * @param clock the clock
     * @param random the random source
     * @return the facade
     */
    Gatehouse gatehouse(SecretKeyRing keys, Clock clock, SecureRandom random) {
        return JdbcStores.create(dataSource).configure(Gatehouse.builder(keys)).clock(clock).random(random).build();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static CliException connectFailure(RuntimeException failure, String url, String user) {
        SQLException sql = sqlCause(failure);
        String message = sql != null ? firstLine(sql) : String.valueOf(failure.getMessage());
        if (message.contains("No suitable driver") || message.contains("Failed to get driver instance")) {
            return new CliException(Exit.CONFIG, "No JDBC driver accepts the URL " + url + ". The tool includes the "
                    + "drivers for H2 (jdbc:h2:...), PostgreSQL (jdbc:postgresql://...) and MariaDB "
                    + "(jdbc:mariadb://...)." + HINT, failure);
        }
        if (sql == null) {
            return new CliException(Exit.DATABASE, "Cannot use the database at " + url + ": " + message + "." + HINT,
                    failure);
        }
        String state = String.valueOf(sql.getSQLState());
        if (state.startsWith("28")) {
            return new CliException(Exit.CONFIG, "The database at " + url + " refused the login of user '" + user
                    + "': " + message + ". Check --db-user and --db-password (GATEHOUSE_DB_USER, "
                    + "GATEHOUSE_DB_PASSWORD).", failure);
        }
        if (state.equals("3D000") || state.equals("42000") && sql.getErrorCode() == 1049) {
            return new CliException(Exit.CONFIG, "The database named in " + url + " does not exist: " + message
                    + ". Create it, or fix the URL." + HINT, failure);
        }
        String reason = unreachableReason(sql);
        if (reason != null) {
            return new CliException(Exit.DATABASE, "Cannot connect to the database at " + url + ": " + reason
                    + ". Is the server running?" + HINT, failure);
        }
        if (state.equals("90020")) {
            return new CliException(Exit.DATABASE, "The H2 database at " + url + " is in use by another process: "
                    + message + ". Stop it, or open the database in mixed mode (;AUTO_SERVER=TRUE in the URL, as the "
                    + "default URL does).", failure);
        }
        return new CliException(Exit.DATABASE, "The database at " + url + " refused the connection: " + message
                + " (SQLState " + state + ")." + HINT, failure);
    }

    private static @Nullable String unreachableReason(SQLException sql) {
        for (Throwable t = sql; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return String.valueOf(t.getMessage());
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer in time (" + t.getMessage() + ")";
            }
        }
        String state = String.valueOf(sql.getSQLState());
        return state.startsWith("08") || H2_UNREACHABLE.contains(state) ? firstLine(sql) : null;
    }

    private static @Nullable SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline).strip();
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return Redaction.mask(line);
    }
}
