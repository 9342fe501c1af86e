package io.gatehouse.login;

import io.gatehouse.user.InMemoryUserStore;
import io.gatehouse.user.NewUser;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Test support: an in-memory user store that counts lookups, to prove a path never reached the store. */
final class CountingUserStore implements UserStore {
    private final InMemoryUserStore delegate = new InMemoryUserStore();
    private final AtomicInteger lookups = new AtomicInteger();

    @Override
    public User create(NewUser user) {
        return delegate.create(user);
    }

    @Override
    public Optional<User> findById(long id) {
        return delegate.findById(id);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        lookups.incrementAndGet();
        return delegate.findByUsername(username);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        lookups.incrementAndGet();
        return delegate.findByEmail(email);
    }

    @Override
    public boolean update(User user) {
        return delegate.update(user);
    }

    @Override
    public boolean updateIf(User expected, User next) {
        return delegate.updateIf(expected, next);
    }

    @Override
    public boolean delete(long id) {
        return delegate.delete(id);
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
