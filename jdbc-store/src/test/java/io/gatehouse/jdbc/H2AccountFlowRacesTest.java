package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link AccountFlowRacesCases} on H2. */
@TestOn(Dialect.H2)
class H2AccountFlowRacesTest extends AccountFlowRacesCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
