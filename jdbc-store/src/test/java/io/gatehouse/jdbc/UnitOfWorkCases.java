package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.UnitOfWork;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.outbox.MailOutbox;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.user.DuplicateUserException;
import io.gatehouse.user.NewUser;
import io.gatehouse.session.Session;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import io.gatehouse.user.UserStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unit of work spans a state change and the mail it queues: both are stored or neither. Subclasses run
 * these on each database.
 */
abstract class UnitOfWorkCases {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00.123Z");
    private static final int THREADS = 32;

    private JdbcStores stores;
    private UserStore users;
    private MailOutbox outbox;
    private UnitOfWork unit;

    /** The fixture of the subclass's database. */
    abstract DatabaseFixture db();

    @BeforeEach
    void freshStores() {
        stores = db().freshStores();
        users = stores.users();
        outbox = stores.outbox();
        unit = stores.unitOfWork();
    }

    private static NewUser draft(String username, String email) {
        return UserBuilder.create(username, email, "!unusable", NOW).build();
    }

    private static EmailMessage verification(String to) {
        return EmailMessage.builder().from("Gatehouse <noreply@example.com>").to(to).subject("Verify your address")
                .text("https://example.com/verify/token").build();
    }

    @Test
    void theRequestPathLookupInsideAUnitReadsTheUnitsUncommittedRowsAndOutsideItDoesNot() {
        // The lookup borrows its own connection only when no unit is open on the thread: inside one, it must join it.
        String idHash = "a".repeat(64);

        unit.run(() -> {
            User alice = users.create(draft("alice", "alice@example.com"));
            stores.sessions().save(new Session(idHash, alice.id(), "auth", NOW, NOW, NOW.plusSeconds(3600), false,
                    java.util.Map.of()));
            assertThat(stores.sessionLookup().find(idHash)).as("inside the unit").isPresent();
            assertThat(java.util.concurrent.CompletableFuture.supplyAsync(() -> stores.sessionLookup().find(idHash))
                    .join()).as("another thread, outside the unit").isEmpty();
        });

        assertThat(stores.sessionLookup().find(idHash)).as("after the commit").isPresent();
    }

    @Test
    void whenTheWorkThrowsAfterCreateAndEnqueueThenNeitherRowExists() {
        assertThatThrownBy(() -> unit.run(() -> {
            User alice = users.create(draft("alice", "alice@example.com"));
            outbox.enqueue(verification("alice@example.com"), alice.id(), NOW);
            assertThat(users.findByUsername("alice")).as("visible inside the unit").isPresent();
            throw new IllegalStateException("the mail template failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the mail template failed");

        assertThat(users.findByUsername("alice")).isEmpty();
        assertThat(count("outbox")).isZero();
        assertThat(count("user")).isZero();
    }

    @Test
    void whenTheWorkReturnsThenTheUserAndItsMailAreBothStored() {
        OutboxMail queued = unit.inTransaction(() -> {
            User alice = users.create(draft("alice", "alice@example.com"));
            return outbox.enqueue(verification("alice@example.com"), alice.id(), NOW);
        });

        assertThat(users.findByUsername("alice")).isPresent();
        assertThat(outbox.find(queued.id())).isPresent();
    }

    @Test
    void storeCallsInsideTheUnitShareOneConnectionAndOtherThreadsDoNotSeeItsWritesBeforeCommit() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            unit.run(() -> {
                users.create(draft("alice", "alice@example.com"));
                assertThat(db().dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
                Optional<User> seenElsewhere = get(other.submit(() -> users.findByUsername("alice")));
                assertThat(seenElsewhere).as("uncommitted, so another connection cannot see it").isEmpty();
                users.findByUsername("alice").orElseThrow();
                assertThat(db().dataSource().getHikariPoolMXBean().getActiveConnections()).isEqualTo(1);
            });
            assertThat(get(other.submit(() -> users.findByUsername("alice")))).isPresent();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void storesHoldNoConnectionBetweenCalls() {
        User alice = users.create(draft("alice", "alice@example.com"));
        users.findById(alice.id());
        outbox.enqueue(verification("alice@example.com"), alice.id(), NOW);
        stores.sessionLookup().find("0".repeat(64));
        unit.run(() -> users.findById(alice.id()));

        assertThat(db().dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void aNestedUnitJoinsTheOuterOneAndRollsBackWithIt() {
        assertThatThrownBy(() -> unit.run(() -> {
            unit.run(() -> users.create(draft("alice", "alice@example.com")));
            throw new IllegalStateException("outer failed");
        })).hasMessage("outer failed");

        assertThat(users.findByUsername("alice")).isEmpty();
    }

    @Test
    void aDuplicateCaughtInsideTheUnitLeavesTheUnitUsable() {
        users.create(draft("alice", "alice@example.com"));

        unit.run(() -> {
            assertThatThrownBy(() -> users.create(draft("alice", "other@example.com")))
                    .isInstanceOf(DuplicateUserException.class);
            users.create(draft("bob", "bob@example.com"));
        });

        assertThat(users.findByUsername("bob")).isPresent();
    }

    @Test
    void ofConcurrentSignUpsWithOneEmailInAnyFormExactlyOneStoresAUserAndOneMail() throws Exception {
        List<String> outcomes = simultaneously(i -> {
            String email = spelling("shared", i) + "@example.com";
            try {
                unit.run(() -> {
                    User created = users.create(draft("racer" + i, email));
                    outbox.enqueue(verification(email), created.id(), NOW);
                });
                return "created";
            } catch (DuplicateUserException e) {
                return "duplicate " + e.field();
            }
        });

        assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("duplicate email"::equals).hasSize(THREADS - 1);
        assertThat(count("user")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
        User winner = users.findByEmail("SHARED@example.com").orElseThrow();
        assertThat(outbox.claim(NOW, java.time.Duration.ofMinutes(1), 10)).singleElement()
                .satisfies(m -> assertThat(m.userId()).isEqualTo(winner.id()));
    }

    /** Upper case by the index's bits; fullwidth letters for the upper half. 32 distinct spellings of one key. */
    private static String spelling(String word, int index) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < word.length(); c++) {
            char ch = (index >> (c % 4) & 1) == 1 ? Character.toUpperCase(word.charAt(c)) : word.charAt(c);
            out.append(index >= THREADS / 2 ? (char) (ch - 'A' + 'Ａ') : ch);
        }
        return out.toString();
    }

    private <T> List<T> simultaneously(java.util.function.IntFunction<T> call) throws Exception {
        Set<String> spellings = new HashSet<>();
        for (int i = 0; i < THREADS; i++) {
            spellings.add(spelling("shared", i));
        }
        assertThat(spellings).hasSize(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Counts a table's rows over a connection of its own, outside any unit of work. */
    long count(String table) {
        try (Connection c = db().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + db().prefix() + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
