package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.StoreException;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.session.Session;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A row written by something other than Gatehouse that does not make a valid value is a permanent store
 * failure, not an input error of the caller, and the message quotes none of its values.
 */
@TestOn(Dialect.H2)
class CorruptRowsTest {
    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    private static void sql(String statement) {
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(statement.replace("{p}", DB.prefix()));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aUserRowWithAMalformedEmailIsAStoreFailure() {
        JdbcStores stores = DB.freshStores();
        long id = DB.newUser("alice");
        sql("UPDATE {p}user SET email = 'secret-but-broken' WHERE id = " + id);

        assertThatThrownBy(() -> stores.users().findById(id)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.isTransient()).isFalse();
            assertThat(e.getMessage()).contains("user " + id, "not valid").doesNotContain("secret-but-broken");
        });
    }

    @Test
    void sessionAttributesInAnotherFormatAreAStoreFailure() {
        JdbcStores stores = DB.freshStores();
        long userId = DB.newUser("alice");
        Session session = new Session("a".repeat(64), userId, "auth", Instant.EPOCH, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60), false, Map.of());
        stores.sessions().save(session);
        sql("UPDATE {p}session SET attributes = 'cart=apples'");

        assertThatThrownBy(() -> stores.sessionLookup().find(session.idHash())).isInstanceOf(StoreException.class)
                .hasMessageContaining("session of user " + userId);
    }

    @Test
    void anOutboxRowWithAnUnknownStatusIsAStoreFailure() {
        JdbcStores stores = DB.freshStores();
        EmailMessage mail = EmailMessage.builder().from("a@example.com").to("b@example.com").build();
        long id = stores.outbox().enqueue(mail, null, Instant.EPOCH).id();
        sql("UPDATE {p}outbox SET status = 'LOST'");

        assertThatThrownBy(() -> stores.outbox().find(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("outbox message " + id);
    }
}
