package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.gatehouse.Gatehouse;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.login.LoginRequest;
import io.gatehouse.login.LoginResult;
import io.gatehouse.testing.ReadmeBlocks;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The README section "Keeping state in your SQL database", run as written: the region between the markers is a
 * Java block of the README, character for character, here on an H2 database instead of a PostgreSQL host.
 */
class ReadmeExampleTest {
    @Test
    void theReadmeShowsExactlyThisExample() {
        assertThat(ReadmeBlocks.assertReadmeShows(Path.of("src/test/java/io/gatehouse/jdbc/ReadmeExampleTest.java")))
                .isEqualTo(1);
    }

    @Test
    void theReadmeWiringLogsAUserInAndResolvesTheSession() {
        String jdbcUrl = "jdbc:h2:mem:" + DatabaseFixture.randomPrefix() + "readme;DB_CLOSE_DELAY=-1";
        String dbUser = "app";
        String dbPassword = "";
        SecretKeyRing keys = SecretKeyRing.generate(new SecureRandom());

        // README:start
        HikariDataSource dataSource = new HikariDataSource();   // any pooled DataSource
        dataSource.setJdbcUrl(jdbcUrl);                          // e.g. jdbc:postgresql://db.internal:5432/app
        dataSource.setUsername(dbUser);
        dataSource.setPassword(dbPassword);

        SchemaInstaller.install(dataSource);                     // creates the gatehouse_* tables; safe on every start

        JdbcStores stores = JdbcStores.create(dataSource, JdbcSettings.defaults());
        Gatehouse gatehouse = stores.configure(Gatehouse.builder(keys)).build();
        // README:end

        try (dataSource) {
            gatehouse.accounts().createUser("alice", "alice@example.com", "correct horse battery staple 42");
            LoginResult result = gatehouse.authenticator()
                    .login(LoginRequest.of("alice", "correct horse battery staple 42"));
            String cookie = ((LoginResult.Success) result).session().id();

            assertThat(stores.dialect()).isEqualTo(Dialect.H2);
            assertThat(gatehouse.subject(cookie).user()).hasValueSatisfying(u -> assertThat(u.username()).isEqualTo("alice"));
            assertThat(SchemaInstaller.install(dataSource)).as("a second start installs nothing").isEmpty();
            assertThat(SchemaInstallerCases.versions(dataSource, "gatehouse_")).containsExactly(1, 2);
            assertThat(gatehouse.users()).isSameAs(stores.users());
            assertThat(gatehouse.unitOfWork()).isSameAs(stores.unitOfWork());
            assertThat(gatehouse.mailOutbox()).isSameAs(stores.outbox());
        }
    }
}
