package io.gatehouse.session;

import java.util.concurrent.atomic.AtomicLong;

class InMemorySessionStoreTest extends SessionStoreContract {
    private final AtomicLong userIds = new AtomicLong();

    @Override
    protected SessionStore newStore() {
        return new InMemorySessionStore();
    }

    @Override
    protected long newUserId() {
        return userIds.incrementAndGet();
    }
}
