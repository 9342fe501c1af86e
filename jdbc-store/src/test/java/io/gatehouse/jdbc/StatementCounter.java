package io.gatehouse.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/** A JDBI {@link SqlLogger} that records every statement sent to the database, to count round trips. */
final class StatementCounter implements SqlLogger {
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

    /** The statements that change rows. */
    List<String> writes() {
        return statements.stream().filter(s -> {
            String head = s.stripLeading().toUpperCase(Locale.ROOT);
            return head.startsWith("UPDATE") || head.startsWith("INSERT") || head.startsWith("DELETE")
                    || head.startsWith("MERGE");
        }).toList();
    }
}
