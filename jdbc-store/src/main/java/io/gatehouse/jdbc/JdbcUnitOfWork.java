package io.gatehouse.jdbc;

import io.gatehouse.UnitOfWork;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link UnitOfWork} that is one database transaction. JDBI keeps the handle of an open transaction bound
 * to the thread that opened it, and {@code Jdbi.withHandle} and {@code Jdbi.inTransaction} called on that
 * thread reuse it; every JDBC store of the same {@link JdbcStores} reaches the database only through those,
 * so each store call made inside {@link #inTransaction} on the same thread joins the transaction. A nested
 * unit joins the outer one. Work on other threads does not join.
 *
 * <p>The connection is held from the start of the unit to its end: keep password hashing and mail sending
 * out of it.
 */
final class JdbcUnitOfWork implements UnitOfWork {
    private final Db db;

    JdbcUnitOfWork(Db db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return db.inTransaction("running a unit of work", handle -> work.get());
    }

    @Override
    public String toString() {
        return "JdbcUnitOfWork[" + db.dialect() + "]";
    }
}
