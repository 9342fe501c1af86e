package io.gatehouse.outbox;

import java.util.concurrent.atomic.AtomicLong;

class InMemoryMailOutboxTest extends MailOutboxContract {
    private final AtomicLong users = new AtomicLong();

    @Override
    protected MailOutbox newOutbox() {
        return new InMemoryMailOutbox();
    }

    @Override
    protected long newUserId(String name) {
        return users.incrementAndGet();
    }
}
