package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The request-path cases on MariaDb. */
@TestOn(Dialect.MARIADB)
class MariaDbSessionLookupTest extends SessionLookupCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
