package io.gatehouse.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link DataSource} in front of another that counts what reaches the database through it: statement executions
 * ({@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeBatch}...) and transaction ends
 * ({@code commit}, {@code rollback}). Plain {@link Proxy} wrappers around each connection and statement; for
 * counting in tests and in benchmark set-up, never on a measured path.
 */
final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final AtomicInteger executions = new AtomicInteger();
    private final AtomicInteger transactionEnds = new AtomicInteger();

    CountingDataSource(DataSource target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Statements executed since the last {@link #reset}. */
    int executions() {
        return executions.get();
    }

    /** Commits and rollbacks since the last {@link #reset}. */
    int transactionEnds() {
        return transactionEnds.get();
    }

    void reset() {
        executions.set(0);
        transactionEnds.set(0);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Handler(connection, true));
    }

    /** Forwards every call; counts executions on statements and transaction ends on connections. */
    private final class Handler implements InvocationHandler {
        private final Object target;
        private final boolean connection;

        Handler(Object target, boolean connection) {
            this.target = target;
            this.connection = connection;
        }

        @Override
        public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
            String name = method.getName();
            if (connection && (name.equals("commit") || name.equals("rollback"))) {
                transactionEnds.incrementAndGet();
            } else if (!connection && name.startsWith("execute")) {
                executions.incrementAndGet();
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (connection && result instanceof Statement && Statement.class.isAssignableFrom(method.getReturnType())) {
                return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {method.getReturnType()}, new Handler(result, false));
            }
            return result;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return target.isWrapperFor(type);
    }
}
