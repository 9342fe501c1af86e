package io.gatehouse.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * Records every statement prepared on connections of a data source, to count round trips. It counts at the JDBC
 * level, so it sees what JDBI sends and what a store sends with plain JDBC alike.
 */
final class StatementCounter {
    private final List<String> statements = new CopyOnWriteArrayList<>();

    /**
     * A data source whose connections report each statement they prepare to this counter.
     *
     * @param target the real data source
     * @return the counting data source
     */
    DataSource around(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c && method.getName().equals("getConnection") ? counting(c)
                            : result;
                });
    }

    private Connection counting(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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
