package io.gatehouse.testing;

import io.gatehouse.user.NewUser;
import io.gatehouse.user.User;
import io.gatehouse.user.UserStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Test support: a {@link UserStore} that hands every call to another, for test wrappers that count, probe or
 * interleave a few of the calls and override only those.
 */
public class ForwardingUserStore implements UserStore {
    private final UserStore delegate;

    /**
     * Wraps a store.
     *
     * @param delegate the store that does the work
     */
    public ForwardingUserStore(UserStore delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

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
        return delegate.findByUsername(username);
    }

    @Override
    public Optional<User> findByEmail(String email) {
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
}
