package io.gatehouse.jdbc;

import io.gatehouse.user.UserStore;
import io.gatehouse.user.UserStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code UserStoreContract} suite, unchanged from core's test-jar, on H2 (in memory). */
@TestOn(Dialect.H2)
class H2UserStoreTest extends UserStoreContract {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    @Override
    protected UserStore newStore() {
        return DB.freshStores().users();
    }
}
