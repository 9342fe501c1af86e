package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.StoreException;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.PasswordHashers;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** With every pooled connection taken, a login fails at once with a clear, transient store error. */
abstract class PoolExhaustionCases {
    private static final String PASSWORD = "correct horse battery staple 42";

    abstract DatabaseFixture db();

    @Test
    void aLoginWhileEveryConnectionIsHeldFailsFastWithATransientStoreException() throws Exception {
        db().freshStores();
        try (HikariDataSource pool = DatabaseFixture.pool(db().dialect(), 2, c -> {
            c.setJdbcUrl(db().dataSource().getJdbcUrl());
            c.setConnectionTimeout(250);
        })) {
            Gatehouse gatehouse = JdbcStores.create(pool, db().settings())
                    .configure(Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                            .passwordHasher(PasswordHashers.forTesting()))
                    .build();
            gatehouse.accounts().createUser("alice", "alice@example.com", PASSWORD);

            Connection first = pool.getConnection();
            Connection second = pool.getConnection();
            try {
                // A safety net against hanging, not a speed assertion: the pool gives up after 250 ms.
                assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                        assertThatThrownBy(() -> gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                                .isInstanceOfSatisfying(StoreException.class, e -> {
                                    assertThat(e.isTransient()).isTrue();
                                    assertThat(e.getMessage()).contains("did not complete");
                                    assertThat(e.getCause()).hasMessageContaining("Connection is not available");
                                }));
            } finally {
                first.close();
                second.close();
            }

            assertThat(gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                    .isInstanceOf(LoginResult.Success.class);
        }
    }

    @Test
    void storesOnTablesThatDoNotExistFailPermanentlyAndNeverLogAnyoneIn() {
        JdbcStores missing = JdbcStores.create(db().dataSource(), JdbcSettings.defaults().withTablePrefix("nothere_"));
        Gatehouse gatehouse = missing.configure(Gatehouse.builder(SecretKeyRing.generate(new SecureRandom()))
                .passwordHasher(PasswordHashers.forTesting())).build();

        assertThatThrownBy(() -> gatehouse.authenticator().login(LoginRequest.of("alice", PASSWORD)))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.sqlState()).isNotNull();
                    assertThat(e.getMessage()).contains("nothere_", "SchemaInstaller.install");
                });
        assertThatThrownBy(() -> gatehouse.subject("A".repeat(43))).isInstanceOf(StoreException.class);
    }
}
