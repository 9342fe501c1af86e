package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.StoreException;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pool's PostgreSQL backends terminated ({@code pg_terminate_backend}) in the middle of a request: the
 * request fails with a transient {@link StoreException} keeping the SQLState, no session is issued, nothing
 * half-written stays, and the next call succeeds on the same pool without restarting anything.
 */
@TestOn(Dialect.POSTGRESQL)
class PostgresConnectionKillTest {
    private static final String PASSWORD = "correct horse battery staple 42";

    @RegisterExtension
    static final DatabaseFixture DB = new DatabaseFixture();

    private final String applicationName = "gatehouse-kill-" + ThreadLocalRandom.current().nextInt(1_000_000);
    private final HookedHasher hasher = new HookedHasher();
    private HikariDataSource pool;
    private Connection admin;
    private JdbcStores stores;
    private Gatehouse gatehouse;

    @BeforeEach
    void start() throws SQLException {
        DB.freshStores();
        admin = DriverManager.getConnection(DatabaseFixture.url(Dialect.POSTGRESQL));
        pool = DatabaseFixture.pool(Dialect.POSTGRESQL, 2, c -> {
            c.setJdbcUrl(DB.dataSource().getJdbcUrl());
            c.addDataSourceProperty("ApplicationName", applicationName);
        });
        stores = JdbcStores.create(pool, DB.settings());
        gatehouse = stores.configure(Gatehouse.builder(SecretKeyRing.generate(new SecureRandom())).passwordHasher(hasher))
                .build();
    }

    @AfterEach
    void stop() throws SQLException {
        pool.close();
        admin.close();
    }

    /** Terminates every backend of the pool and waits until PostgreSQL has let them go. */
    private void killThePoolsConnections() {
        try (PreparedStatement kill = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?");
                PreparedStatement left = admin.prepareStatement(
                        "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?")) {
            kill.setString(1, applicationName);
            kill.executeQuery().close();
            left.setString(1, applicationName);
            for (int i = 0; i < 100; i++) {
                try (ResultSet rs = left.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("PostgreSQL did not end the terminated backends");
        } catch (SQLException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aLoginWhoseConnectionIsKilledMidRequestFailsIssuesNoSessionAndTheNextOneSucceeds() throws Exception {
        User alice = gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);
        hasher.onNextCheck(this::killThePoolsConnections);

        assertThatThrownBy(() -> gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.sqlState()).matches("57P01|08\\d{3}");
                    assertThat(e.getMessage()).contains("did not complete", e.sqlState());
                });

        assertThat(DB.stores().sessions().findByUser(alice.id())).as("no session issued").isEmpty();
        assertThat(DB.stores().users().findById(alice.id()).orElseThrow().lastLogin()).as("no login written").isNull();
        // Hikari replaces a broken connection when it is borrowed after half a second idle.
        Thread.sleep(600);
        LoginResult next = gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD));
        assertThat(next).isInstanceOf(LoginResult.Success.class);
        assertThat(gatehouse.subject(((LoginResult.Success) next).session().id()).isAuthenticated()).isTrue();
    }

    @Test
    void aUnitOfWorkWhoseConnectionIsKilledLeavesNoHalfWrittenRows() throws Exception {
        EmailMessage mail = EmailMessage.builder().from("noreply@example.com").to("bob@example.com").text("hi").build();

        assertThatThrownBy(() -> stores.unitOfWork().run(() -> {
            User bob = stores.users().create(UserBuilder.create("bob", "bob@example.com", "!unusable", Instant.EPOCH)
                    .build());
            killThePoolsConnections();
            stores.outbox().enqueue(mail, bob.id(), Instant.EPOCH);
        })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.isTransient()).isTrue());

        assertThat(DB.stores().users().findByUsername("bob")).isEmpty();
        assertThat(SchemaInstallerCases.count(DB.dataSource(), DB.prefix() + "outbox")).isZero();
        Thread.sleep(600);
        stores.unitOfWork().run(() -> stores.users().create(
                UserBuilder.create("bob", "bob@example.com", "!unusable", Instant.EPOCH).build()));
        assertThat(stores.users().findByUsername("bob")).isPresent();
    }
}
