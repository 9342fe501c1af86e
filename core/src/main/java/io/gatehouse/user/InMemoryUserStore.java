package io.gatehouse.user;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link UserStore} held in this JVM's memory, for tests and single-node applications. Every user is lost
 * when the process stops, and two application nodes each see only their own users; anything that must
 * survive a restart or serve more than one node needs the JDBC store.
 *
 * <p>Thread-safe. Uniqueness of the canonical username and canonical email is checked and claimed under one
 * lock, so of many concurrent sign-ups with one address exactly one succeeds. Ids come from a counter
 * starting at 1 and are never reused, even after a delete.
 *
 * <pre>{@code
 * UserStore users = new InMemoryUserStore();
 * User alice = users.create(UserBuilder.create("alice", "alice@example.com", hash, clock.instant()).build());
 * }</pre>
 */
public final class InMemoryUserStore implements UserStore {
    private final AtomicLong nextId = new AtomicLong(1);
    private final Object lock = new Object();
    private final Map<Long, User> byId = new HashMap<>();
    private final Map<String, Long> idByUsernameKey = new HashMap<>();
    private final Map<String, Long> idByEmailKey = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryUserStore() {
    }

    /**
     * {@inheritDoc}
     *
     * @throws DuplicateUserException naming {@code "username"} or {@code "email"}, the username checked first
     */
    @Override
    public User create(NewUser user) {
        Objects.requireNonNull(user, "user");
        String usernameKey = user.usernameKey();
        String emailKey = user.emailKey();
        synchronized (lock) {
            checkFree(usernameKey, emailKey, 0);
            User stored = user.withId(nextId.getAndIncrement());
            byId.put(stored.id(), stored);
            idByUsernameKey.put(usernameKey, stored.id());
            idByEmailKey.put(emailKey, stored.id());
            return stored;
        }
    }

    @Override
    public Optional<User> findById(long id) {
        synchronized (lock) {
            return Optional.ofNullable(byId.get(id));
        }
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return Username.lookupKey(username).flatMap(key -> findByKey(idByUsernameKey, key));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return EmailAddress.lookupKey(email).flatMap(key -> findByKey(idByEmailKey, key));
    }

    /**
     * {@inheritDoc}
     *
     * @throws DuplicateUserException naming {@code "username"} or {@code "email"}; nothing is changed then
     */
    @Override
    public boolean update(User user) {
        Objects.requireNonNull(user, "user");
        String usernameKey = user.usernameKey();
        String emailKey = user.emailKey();
        synchronized (lock) {
            User old = byId.get(user.id());
            if (old == null) {
                return false;
            }
            checkFree(usernameKey, emailKey, user.id());
            idByUsernameKey.remove(old.usernameKey());
            idByEmailKey.remove(old.emailKey());
            idByUsernameKey.put(usernameKey, user.id());
            idByEmailKey.put(emailKey, user.id());
            byId.put(user.id(), user);
            return true;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws DuplicateUserException naming {@code "username"} or {@code "email"}; nothing is changed then
     */
    @Override
    public boolean updateIf(User expected, User next) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        if (expected.id() != next.id()) {
            throw new IllegalArgumentException("expected and next must be the same user: ids "
                    + expected.id() + " and " + next.id() + ".");
        }
        synchronized (lock) {
            User current = byId.get(next.id());
            if (current == null || !current.hasSameSecurityStateAs(expected)) {
                return false;
            }
            return update(next);
        }
    }

    @Override
    public boolean delete(long id) {
        synchronized (lock) {
            User old = byId.remove(id);
            if (old == null) {
                return false;
            }
            idByUsernameKey.remove(old.usernameKey());
            idByEmailKey.remove(old.emailKey());
            return true;
        }
    }

    private Optional<User> findByKey(Map<String, Long> index, String key) {
        synchronized (lock) {
            Long id = index.get(key);
            return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
        }
    }

    /** Throws unless both keys are free or held by {@code ownerId} (0 for a user not yet stored). */
    private void checkFree(String usernameKey, String emailKey, long ownerId) {
        Long usernameOwner = idByUsernameKey.get(usernameKey);
        if (usernameOwner != null && usernameOwner != ownerId) {
            throw new DuplicateUserException("username");
        }
        Long emailOwner = idByEmailKey.get(emailKey);
        if (emailOwner != null && emailOwner != ownerId) {
            throw new DuplicateUserException("email");
        }
    }
}
