package io.gatehouse.jdbc;

import io.gatehouse.throttle.ThrottleStore;
import io.gatehouse.throttle.ThrottleStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code ThrottleStoreContract} suite, unchanged from core's test-jar, on PostgreSQL. */
@TestOn(Dialect.POSTGRESQL)
class PostgresThrottleStoreTest extends ThrottleStoreContract {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    protected ThrottleStore newStore() {
        return DB.freshStores().throttle();
    }
}
