package io.gatehouse.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link SchemaInstallerCases} on Postgres. */
@TestOn(Dialect.POSTGRESQL)
class PostgresSchemaInstallerTest extends SchemaInstallerCases {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    DatabaseFixture db() {
        return DB;
    }
}
