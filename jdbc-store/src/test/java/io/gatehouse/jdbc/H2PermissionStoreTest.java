package io.gatehouse.jdbc;

import io.gatehouse.permission.PermissionStore;
import io.gatehouse.permission.PermissionStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code PermissionStoreContract} suite, unchanged from core's test-jar, on H2 (in memory). */
@TestOn(Dialect.H2)
class H2PermissionStoreTest extends PermissionStoreContract {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    private final AtomicInteger users = new AtomicInteger();

    @Override
    protected PermissionStore newStore() {
        return DB.freshStores().permissions();
    }

    @Override
    protected long newUserId() {
        return DB.newUser("user" + users.incrementAndGet());
    }
}
