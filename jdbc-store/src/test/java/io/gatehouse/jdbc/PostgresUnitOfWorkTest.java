package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The unit-of-work cases on Postgres. */
@TestOn(Dialect.POSTGRESQL)
class PostgresUnitOfWorkTest extends UnitOfWorkCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
