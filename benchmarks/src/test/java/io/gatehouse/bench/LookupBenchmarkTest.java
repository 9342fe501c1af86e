package io.gatehouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.user.DuplicateUserException;
import io.gatehouse.user.EmailAddress;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import io.gatehouse.user.Username;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The login-lookup row's set-up on H2 with its small size: bulk users the JDBC store reads and writes as its own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupBenchmarkTest {
    private final LookupBenchmark benchmark = new LookupBenchmark();
    private final LookupBenchmark.Site site = new LookupBenchmark.Site();

    @BeforeAll
    void setUp() {
        site.database = "h2";
        site.users = 1_000;
        site.setUp();
    }

    @AfterAll
    void tearDown() {
        site.tearDown();
    }

    @Test
    void bothLookupsFindTheUserTheCursorPoints() {
        ResolveBenchmark.Cursor byName = ResolveBenchmarkTest.cursor(0);
        ResolveBenchmark.Cursor byEmail = ResolveBenchmarkTest.cursor(0);

        for (int i = 0; i < 50; i++) {
            User a = benchmark.byUsername(site, byName);
            User b = benchmark.byEmail(site, byEmail);

            assertThat(a).isEqualTo(b);
            assertThat(a.username()).isEqualTo(Population.username(a.id()));
            assertThat(a.email()).isEqualTo(Population.email(a.id()));
        }
    }

    @Test
    void theDatabaseFloorReadsTheRowTheCursorPoints() throws Exception {
        ResolveBenchmark.Cursor cursor = ResolveBenchmarkTest.cursor(0);
        ResolveBenchmark.Cursor same = ResolveBenchmarkTest.cursor(0);

        for (int i = 0; i < 50; i++) {
            assertThat(benchmark.databaseById(site, cursor)).isEqualTo(benchmark.byUsername(site, same).username());
        }
    }

    @Test
    void bulkRowsHoldCoresCanonicalKeysSoAnyCaseFindsThem() {
        User user = site.store().findByUsername("USER777").orElseThrow();

        assertThat(user.id()).isEqualTo(777);
        assertThat(user.usernameKey()).isEqualTo(Username.canonical("User777")).isEqualTo("user777");
        assertThat(site.store().findByEmail("user777@EXAMPLE.COM")).contains(user);
        assertThat(user.emailKey()).isEqualTo(EmailAddress.canonical("User777@Example.com"));
        assertThat(site.store().findById(1_000)).isPresent();
        assertThat(site.store().findById(1_001)).isEmpty();
    }

    @Test
    void storeCreatesUsersAfterTheBulkRowsAndItsUniqueKeysSeeThem() {
        User created = site.store().create(UserBuilder.create("newcomer", "newcomer@example.com", "!unusable",
                Population.JOINED).build());

        assertThat(created.id()).isEqualTo(1_001);
        assertThatThrownBy(() -> site.store().create(UserBuilder.create("someone", "USER5@example.com", "!unusable",
                Population.JOINED).build()))
                .isInstanceOf(DuplicateUserException.class);
        assertThat(site.store().delete(created.id())).isTrue();
    }

    @Test
    void everyBulkRowIsThereOnce() {
        assertThat(site.db().count("gatehouse_user", "id <= 1000")).isEqualTo(1_000);
    }
}
