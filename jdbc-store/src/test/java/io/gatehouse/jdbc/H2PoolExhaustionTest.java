package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link PoolExhaustionCases} on H2. */
@TestOn(Dialect.H2)
class H2PoolExhaustionTest extends PoolExhaustionCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
