package io.gatehouse.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryPermissionStoreTest extends PermissionStoreContract {
    private final AtomicLong ids = new AtomicLong();

    @Override
    protected PermissionStore newStore() {
        return new InMemoryPermissionStore();
    }

    @Override
    protected long newUserId() {
        return ids.incrementAndGet();
    }

    @Test
    void concurrentCreatesOfOneGroupNameLetExactlyOneSucceed() throws Exception {
        PermissionStore store = newStore();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> {
                    try {
                        store.createGroup("editors");
                        return true;
                    } catch (IllegalArgumentException taken) {
                        return false;
                    }
                }));
            }
            long created = 0;
            for (Future<Boolean> result : results) {
                created += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(store.groups()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void notRegisteredMessageSuggestsRegisteringTheResourceDefaults() {
        assertThat(InMemoryPermissionStore.notRegistered(Permission.of("shop.refund_order")).getMessage())
                .contains("register(List.of(Permission.of(\"shop.refund_order\")))");
        assertThat(InMemoryPermissionStore.notRegistered(Permission.of("shop.view_order")).getMessage())
                .contains("register(Permission.defaultsFor(\"shop\", \"order\"))");
    }
}
