package io.gatehouse.jdbc;

import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fast hasher that runs a one-shot action while it checks a password: the middle of a login, after the user
 * was read and before the login is written. Fault tests use it to break the database at exactly that point.
 */
final class HookedHasher implements PasswordHasher {
    private final PasswordHasher delegate = PasswordHashers.forTesting();
    private final AtomicReference<Runnable> armed = new AtomicReference<>();

    void onNextCheck(Runnable action) {
        armed.set(action);
    }

    @Override
    public String encode(CharSequence raw) {
        return delegate.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        boolean matches = delegate.matches(raw, encoded);
        Runnable action = armed.getAndSet(null);
        if (action != null) {
            action.run();
        }
        return matches;
    }

    @Override
    public boolean needsRehash(String encoded) {
        return delegate.needsRehash(encoded);
    }

    @Override
    public boolean recognizes(String encoded) {
        return delegate.recognizes(encoded);
    }
}
