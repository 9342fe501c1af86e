package io.gatehouse.testing;

import io.gatehouse.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Test support: a {@link UnitOfWork} that records, per transaction, the operations that probes {@link #note}
 * while it runs, and the operations noted outside any transaction. Nested calls join the outer transaction, as
 * the JDBC unit of work does. Thread-safe; each thread has its own current transaction.
 */
public final class RecordingUnitOfWork implements UnitOfWork {
    private final ThreadLocal<List<String>> current = new ThreadLocal<>();
    private final List<List<String>> transactions = new ArrayList<>();
    private final List<String> outside = new ArrayList<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (current.get() != null) {
            return work.get();
        }
        List<String> ops = new ArrayList<>();
        current.set(ops);
        try {
            return work.get();
        } finally {
            current.remove();
            synchronized (this) {
                transactions.add(List.copyOf(ops));
            }
        }
    }

    /**
     * Records an operation in the current transaction, or as outside one.
     *
     * @param operation e.g. {@code "users.create"}
     */
    public void note(String operation) {
        List<String> ops = current.get();
        if (ops != null) {
            ops.add(operation);
        } else {
            synchronized (this) {
                outside.add(operation);
            }
        }
    }

    /**
     * Whether the calling thread is inside a transaction.
     *
     * @return true inside
     */
    public boolean inside() {
        return current.get() != null;
    }

    /**
     * The finished transactions, each with the operations noted in it, oldest first.
     *
     * @return the transactions
     */
    public synchronized List<List<String>> transactions() {
        return List.copyOf(transactions);
    }

    /**
     * The operations noted outside any transaction, oldest first.
     *
     * @return the operations
     */
    public synchronized List<String> outside() {
        return List.copyOf(outside);
    }

    /** Forgets everything recorded so far. */
    public synchronized void clear() {
        transactions.clear();
        outside.clear();
    }
}
