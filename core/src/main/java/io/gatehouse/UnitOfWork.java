package io.gatehouse;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Port: runs work as one transaction of the stores, so that a state change and the mail it queues are stored
 * together or not at all. The JDBC store's implementation opens a database transaction that every JDBC store
 * joins on the same thread; {@link #none()} suits in-memory stores, where each call stands alone.
 *
 * <p>Callers keep slow work out of the unit: password hashing and mail sending happen before or after it,
 * never while it holds a connection.
 */
public interface UnitOfWork {
    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param work the work; it must not hash passwords or send mail
     * @param <T> what the work returns
     * @return what the work returned
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code work} in one transaction.
     *
     * @param work the work
     * @see #inTransaction(Supplier)
     */
    default void run(Runnable work) {
        Objects.requireNonNull(work, "work");
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * A unit of work that runs the work directly, for stores without transactions.
     *
     * @return the direct unit of work
     */
    static UnitOfWork none() {
        return DirectUnitOfWork.INSTANCE;
    }
}
