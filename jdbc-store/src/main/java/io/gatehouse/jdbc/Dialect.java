package io.gatehouse.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The SQL databases the JDBC store runs on. Each has its own schema scripts under
 * {@code db/gatehouse/<folder>/} and its own forms of the few statements SQL does not standardise (upserts,
 * {@code SKIP LOCKED}, string aggregation, batched deletes).
 */
public enum Dialect {
    /** H2 2.x, embedded, in memory or in server mode. */
    H2("h2"),
    /** PostgreSQL 12 or newer. */
    POSTGRESQL("postgresql"),
    /** MariaDB 10.6 or newer (for {@code SKIP LOCKED}). */
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /**
     * The folder of this dialect's scripts under {@code db/gatehouse/}.
     *
     * @return e.g. {@code postgresql}
     */
    public String folder() {
        return folder;
    }

    /**
     * Recognises the database behind a connection from its product name.
     *
     * @param metaData the connection's metadata
     * @return the dialect
     * @throws SQLException when the metadata cannot be read
     * @throws IllegalArgumentException naming {@code dialect} when the database is not one of the supported ones
     */
    static Dialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (lower.equals("h2")) {
            return H2;
        }
        if (lower.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (lower.contains("mariadb")) {
            return MARIADB;
        }
        throw new IllegalArgumentException("dialect: the database \"" + product + "\" is not supported; the JDBC "
                + "store runs on H2, PostgreSQL and MariaDB. Give the dialect explicitly only if the database "
                + "speaks one of these exactly.");
    }
}
