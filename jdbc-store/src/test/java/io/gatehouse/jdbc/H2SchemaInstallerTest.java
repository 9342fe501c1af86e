package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SchemaInstallerCases} on H2. */
@TestOn(Dialect.H2)
class H2SchemaInstallerTest extends SchemaInstallerCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
