package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.password.PasswordHashers;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The wiring shown in NOTES-jdbc.md's README section, run as written: on H2 instead of a PostgreSQL host, and
 * with the fast test hasher.
 */
class ReadmeExampleTest {
    @Test
    void theReadmeWiringLogsAUserInAndResolvesTheSession() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String gatehouseSecret = Base64.getEncoder().encodeToString(secret);

        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl("jdbc:h2:mem:" + DatabaseFixture.randomPrefix() + "readme;DB_CLOSE_DELAY=-1");
            dataSource.setUsername("app");
            dataSource.setPassword("");

            SchemaInstaller.install(dataSource);

            JdbcStores stores = JdbcStores.create(dataSource, JdbcSettings.defaults());
            Gatehouse gatehouse = stores.configure(
                    Gatehouse.builder(SecretKeyRing.fromBase64(gatehouseSecret)).passwordHasher(PasswordHashers.forTesting()))
                    .build();

            gatehouse.accounts().createUser("alice", "alice@example.com", "correct horse battery staple 42");
            LoginResult result = gatehouse.authenticator()
                    .login(LoginRequest.of("alice", "correct horse battery staple 42"));
            String cookie = ((LoginResult.Success) result).session().id();

            assertThat(stores.dialect()).isEqualTo(Dialect.H2);
            assertThat(gatehouse.subject(cookie).user()).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("alice"));
            assertThat(SchemaInstallerCases.versions(dataSource, "gatehouse_")).containsExactly(1);
            assertThat(gatehouse.users()).isSameAs(stores.users());
            assertThat(gatehouse.unitOfWork()).isSameAs(stores.unitOfWork());
            assertThat(gatehouse.mailOutbox()).isSameAs(stores.outbox());
        }
    }
}
