package io.gatehouse;

import java.util.Objects;
import java.util.function.Supplier;

/** The {@link UnitOfWork} of stores without transactions: runs the work as it is. */
enum DirectUnitOfWork implements UnitOfWork {
    INSTANCE;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return Objects.requireNonNull(work, "work").get();
    }

    @Override
    public String toString() {
        return "UnitOfWork.none()";
    }
}
