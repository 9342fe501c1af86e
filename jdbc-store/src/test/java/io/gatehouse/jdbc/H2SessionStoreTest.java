package io.gatehouse.jdbc;

import io.gatehouse.session.SessionStore;
import io.gatehouse.session.SessionStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code SessionStoreContract} suite, unchanged from core's test-jar, on H2 (in memory). */
@TestOn(Dialect.H2)
class H2SessionStoreTest extends SessionStoreContract {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    private final AtomicInteger users = new AtomicInteger();

    @Override
    protected SessionStore newStore() {
        return DB.freshStores().sessions();
    }

    @Override
    protected long newUserId() {
        return DB.newUser("user" + users.incrementAndGet());
    }
}
