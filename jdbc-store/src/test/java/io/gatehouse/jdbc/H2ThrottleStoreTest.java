package io.gatehouse.jdbc;

import io.gatehouse.throttle.ThrottleStore;
import io.gatehouse.throttle.ThrottleStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code ThrottleStoreContract} suite, unchanged from core's test-jar, on H2 (in memory). */
@TestOn(Dialect.H2)
class H2ThrottleStoreTest extends ThrottleStoreContract {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    protected ThrottleStore newStore() {
        return DB.freshStores().throttle();
    }
}
