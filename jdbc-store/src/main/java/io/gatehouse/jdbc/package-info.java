/**
 * The JDBC store: every Gatehouse port (users, groups and grants, sessions, the one-query session lookup,
 * login throttling, the mail outbox and the unit of work) in the application's own SQL database, through
 * JDBI, on H2, PostgreSQL and MariaDB. Start at {@link io.gatehouse.jdbc.JdbcStores}; create the tables with
 * {@link io.gatehouse.jdbc.SchemaInstaller} or with the versioned scripts under {@code db/gatehouse/<dialect>/}
 * in a migration tool. Many application nodes may share one database: every piece of state lives in it.
 */
@NullMarked
package io.gatehouse.jdbc;

import org.jspecify.annotations.NullMarked;
