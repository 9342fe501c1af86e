package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PoolExhaustionCases} on Postgres. */
@TestOn(Dialect.POSTGRESQL)
class PostgresPoolExhaustionTest extends PoolExhaustionCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
