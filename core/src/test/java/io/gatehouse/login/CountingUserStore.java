package io.gatehouse.login;

import io.gatehouse.testing.ForwardingUserStore;
import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.User;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Test support: an in-memory user store that counts lookups, to prove a path never reached the store. */
final class CountingUserStore extends ForwardingUserStore {
    private final AtomicInteger lookups = new AtomicInteger();

    CountingUserStore() {
        super(new InMemoryUserStore());
    }

    @Override
    public Optional<User> findByUsername(String username) {
        lookups.incrementAndGet();
        return super.findByUsername(username);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        lookups.incrementAndGet();
        return super.findByEmail(email);
    }

    /**
     * Lookups by username or email since creation.
     *
     * @return the count
     */
    int lookups() {
        return lookups.get();
    }
}
