package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The unit-of-work cases on H2. */
@TestOn(Dialect.H2)
class H2UnitOfWorkTest extends UnitOfWorkCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
