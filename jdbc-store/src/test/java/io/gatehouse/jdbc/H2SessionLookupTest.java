package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The request-path cases on H2. */
@TestOn(Dialect.H2)
class H2SessionLookupTest extends SessionLookupCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
