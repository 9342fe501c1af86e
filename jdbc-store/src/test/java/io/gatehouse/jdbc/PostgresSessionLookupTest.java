package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The request-path cases on Postgres. */
@TestOn(Dialect.POSTGRESQL)
class PostgresSessionLookupTest extends SessionLookupCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
