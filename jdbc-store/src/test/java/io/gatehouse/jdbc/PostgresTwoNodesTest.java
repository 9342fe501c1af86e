package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link TwoNodesCases} on Postgres. */
@TestOn(Dialect.POSTGRESQL)
class PostgresTwoNodesTest extends TwoNodesCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
