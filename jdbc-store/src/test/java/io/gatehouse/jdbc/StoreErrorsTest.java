package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.StoreException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StoreErrorsTest {
    @Test
    void connectionRollbackOperatorAndDriverStatesAreTransient() {
        for (String state : new String[] {"08006", "08003", "40001", "40P01", "57P01", "57014", "HYT00", "90067"}) {
            StoreException e = StoreErrors.translate(new SQLException("x", state), "finding a user", "gatehouse_");
            assertThat(e.isTransient()).as(state).isTrue();
            assertThat(e.sqlState()).isEqualTo(state);
            assertThat(e.getMessage()).contains("finding a user", state, "retry");
        }
    }

    @Test
    void transientExceptionTypesAreTransientWhateverTheirState() {
        assertThat(StoreErrors.translate(new SQLTransientConnectionException("pool timed out"), "x", "p_").isTransient())
                .isTrue();
        assertThat(StoreErrors.translate(new SQLTimeoutException("slow"), "x", "p_").isTransient()).isTrue();
        assertThat(StoreErrors.translate(new RuntimeException(new SQLTransientConnectionException("wrapped")), "x", "p_")
                .isTransient()).isTrue();
    }

    @Test
    void schemaAndConstraintErrorsArePermanentAndSayHowToFixThem() {
        StoreException missing = StoreErrors.translate(new SQLException("relation does not exist", "42P01"),
                "finding a user", "auth_");

        assertThat(missing.isTransient()).isFalse();
        assertThat(missing.sqlState()).isEqualTo("42P01");
        assertThat(missing.getMessage()).contains("finding a user", "42P01", "auth_", "SchemaInstaller.install");
        assertThat(StoreErrors.translate(new SQLIntegrityConstraintViolationException("dup", "23505"), "x", "p_")
                .isTransient()).isFalse();
        assertThat(StoreErrors.translate(new IllegalStateException("no SQL here"), "x", "p_").sqlState()).isNull();
    }

    @Test
    void violatedConstraintsAreReadFromEachDatabasesMessage() {
        assertThat(StoreErrors.violatedConstraint(new SQLException("ERROR: duplicate key value violates unique "
                + "constraint \"gh_user_email_uq\"\n  Detail: Key (email_key)=(gh_user_username_uq@x.com) already "
                + "exists.", "23505"), Dialect.POSTGRESQL)).isEqualTo("gh_user_email_uq");
        assertThat(StoreErrors.violatedConstraint(new SQLException("(conn=5) Duplicate entry "
                + "'gh_user_username_uq' for key' for key 'gh_user_email_uq'", "23000", 1062), Dialect.MARIADB))
                .isEqualTo("gh_user_email_uq");
        assertThat(StoreErrors.violatedConstraint(new SQLException("Cannot add or update a child row: a foreign key "
                + "constraint fails (`test`.`gh_user_group`, CONSTRAINT `gh_user_group_user_fk` FOREIGN KEY (`user_id`) "
                + "REFERENCES `gh_user` (`id`) ON DELETE CASCADE)", "23000", 1452), Dialect.MARIADB))
                .isEqualTo("gh_user_group_user_fk");
        assertThat(StoreErrors.violatedConstraint(new SQLException("Unique index or primary key violation: "
                + "\"PUBLIC.GH_USER_EMAIL_UQ_INDEX_8 ON PUBLIC.GH_USER(EMAIL_KEY NULLS FIRST) VALUES ( /* 1 */ "
                + "'gh_user_username_uq@x.com' )\"", "23505"), Dialect.H2)).isEqualTo("gh_user_email_uq_index_8");
        assertThat(StoreErrors.violatedConstraint(new SQLException("Referential integrity constraint violation: "
                + "\"GH_USER_GROUP_USER_FK: PUBLIC.GH_USER_GROUP FOREIGN KEY(USER_ID)\"", "23506"), Dialect.H2))
                .isEqualTo("gh_user_group_user_fk");
        assertThat(StoreErrors.violatedConstraint(new SQLException("la clé dupliquée viole une contrainte", "23505"),
                Dialect.POSTGRESQL)).isEmpty();
    }
}
