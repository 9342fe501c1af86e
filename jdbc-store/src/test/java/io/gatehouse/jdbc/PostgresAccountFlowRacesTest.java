package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link AccountFlowRacesCases} on Postgres. */
@TestOn(Dialect.POSTGRESQL)
class PostgresAccountFlowRacesTest extends AccountFlowRacesCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
