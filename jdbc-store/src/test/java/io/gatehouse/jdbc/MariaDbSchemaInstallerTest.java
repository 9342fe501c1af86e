package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SchemaInstallerCases} on MariaDb. */
@TestOn(Dialect.MARIADB)
class MariaDbSchemaInstallerTest extends SchemaInstallerCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
