package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class BenchDatabaseTest {

    @Test
    void jmhParameterNamesEachDatabase() {
        assertThat(BenchDatabase.of("h2")).isEqualTo(BenchDatabase.H2);
        assertThat(BenchDatabase.of("postgresql")).isEqualTo(BenchDatabase.POSTGRESQL);
        assertThatThrownBy(() -> BenchDatabase.of("mysql")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("database must be h2 or postgresql, was \"mysql\".");
    }

    @Test
    void h2IsAlwaysAvailable() {
        assertThat(BenchDatabase.H2.unavailable()).isEmpty();
    }

    @Test
    void unreachablePostgresqlGivesAReasonWithoutTheQueryString() {
        assertThat(BenchDatabase.postgresqlUnavailable("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=x"))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("PostgreSQL at jdbc:postgresql://127.0.0.1:1/test is unreachable (")
                        .endsWith("start it or set " + BenchDatabase.POSTGRESQL_URL_VARIABLE + ".")
                        .doesNotContain("password"));
    }

    @Test
    void closingAnH2DatabaseDropsIt() throws SQLException {
        String url;
        try (IsolatedDatabase db = BenchDatabase.H2.open(1)) {
            db.execute("CREATE TABLE t (id INT)", "INSERT INTO t VALUES (1)");
            assertThat(db.count("t", "")).isEqualTo(1);
            url = db.dataSource().getJdbcUrl();
        }

        assertThatThrownBy(() -> DriverManager.getConnection(url + ";IFEXISTS=TRUE").close())
                .isInstanceOf(SQLException.class);
    }
}
