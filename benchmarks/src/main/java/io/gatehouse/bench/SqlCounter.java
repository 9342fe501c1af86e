package io.gatehouse.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A JDBI {@link SqlLogger} that records every statement JDBI sends to the database, to count Gatehouse's round
 * trips (as jdbc-store's own tests do). For counting in tests and set-up, never on a measured path.
 */
final class SqlCounter implements SqlLogger {
    private final List<String> statements = new CopyOnWriteArrayList<>();

    @Override
    public void logBeforeExecution(StatementContext context) {
        statements.add(context.getRenderedSql());
    }

    void reset() {
        statements.clear();
    }

    List<String> statements() {
        return List.copyOf(statements);
    }
}
