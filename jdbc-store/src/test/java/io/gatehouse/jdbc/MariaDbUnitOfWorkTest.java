package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The unit-of-work cases on MariaDb. */
@TestOn(Dialect.MARIADB)
class MariaDbUnitOfWorkTest extends UnitOfWorkCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
