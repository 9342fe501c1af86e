package io.gatehouse.jdbc;

import io.gatehouse.throttle.ThrottleStore;
import io.gatehouse.throttle.ThrottleStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code ThrottleStoreContract} suite, unchanged from core's test-jar, on MariaDB. */
@TestOn(Dialect.MARIADB)
class MariaDbThrottleStoreTest extends ThrottleStoreContract {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    protected ThrottleStore newStore() {
        return DB.freshStores().throttle();
    }
}
