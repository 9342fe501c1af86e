package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class CountingDataSourceTest {

    @Test
    void countsEveryExecutionAndEveryTransactionEnd() throws SQLException {
        try (IsolatedDatabase db = BenchDatabase.H2.open(1)) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            try (Connection connection = counting.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE t (id INT)");
                }
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
                    insert.setInt(1, 1);
                    insert.executeUpdate();
                    insert.setInt(1, 2);
                    insert.addBatch();
                    insert.executeBatch();
                }
                connection.commit();
                connection.setAutoCommit(true);
                try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM t");
                        ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }

            assertThat(counting.executions()).isEqualTo(4);
            assertThat(counting.transactionEnds()).isEqualTo(1);
            counting.reset();
            assertThat(counting.executions()).isZero();
        }
    }
}
