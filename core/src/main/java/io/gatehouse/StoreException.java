package io.gatehouse;

import org.jspecify.annotations.Nullable;

/**
 * A store could not complete an operation. {@link #isTransient()} tells whether retrying the same call
 * later may succeed (connection lost, deadlock, serialization failure) or not (schema missing, constraint
 * broken in a way the domain did not expect).
 *
 * <p>Security note: no authentication decision is ever "allow" when this is thrown.
 */
public class StoreException extends GatehouseException {
    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;
    private final @Nullable String sqlState;

    /**
     * Creates a store failure.
     *
     * @param message what failed, and the fix when there is one
     * @param transientFailure whether a retry may succeed
     * @param sqlState the SQLState reported by the database, or {@code null} when there is none
     * @param cause the underlying failure, or {@code null}
     */
    public StoreException(String message, boolean transientFailure, @Nullable String sqlState,
            @Nullable Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.sqlState = sqlState;
    }

    /**
     * Tells whether retrying the same operation later may succeed.
     *
     * @return true for failures such as a lost connection or a deadlock
     */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * The SQLState of the database error, when the store is SQL-backed.
     *
     * @return the SQLState, or {@code null}
     */
    public @Nullable String sqlState() {
        return sqlState;
    }
}
