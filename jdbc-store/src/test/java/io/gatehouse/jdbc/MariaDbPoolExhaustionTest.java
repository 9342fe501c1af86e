package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PoolExhaustionCases} on MariaDb. */
@TestOn(Dialect.MARIADB)
class MariaDbPoolExhaustionTest extends PoolExhaustionCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
