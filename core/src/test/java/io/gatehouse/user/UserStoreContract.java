package io.gatehouse.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link UserStore} must have. A store's test extends this class and implements
 * {@link #newStore()}; {@code gatehouse-core}'s test-jar publishes it for the JDBC store.
 *
 * <p>Stores must keep instants to at least millisecond precision (SQL timestamps keep microseconds), so the
 * instants used here are whole milliseconds and compared exactly.
 */
public abstract class UserStoreContract {
    /** A recognisable hash; no real hasher output, but shaped like one. */
    protected static final String HASH = "pbkdf2_sha256$600000$c2FsdA$aGFzaA";
    private static final Instant JOINED = Instant.parse("2024-03-01T12:34:56.789Z");
    private static final Instant LOGIN = Instant.parse("2024-05-17T08:09:10.123Z");
    private static final int THREADS = 32;

    private UserStore store;

    /**
     * Creates the store under test.
     *
     * @return a fresh, empty store; each test gets its own
     */
    protected abstract UserStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    private static NewUser newUser(String username, String email) {
        return UserBuilder.create(username, email, HASH, JOINED).build();
    }

    private User create(String username, String email) {
        return store.create(newUser(username, email));
    }

    // --- create and find -------------------------------------------------------------------------------

    @Test
    void createAssignsDistinctPositiveIds() {
        User alice = create("alice", "alice@example.com");
        User bob = create("bob", "bob@example.com");
        User carol = create("carol", "carol@example.com");

        assertThat(List.of(alice.id(), bob.id(), carol.id())).allMatch(id -> id > 0).doesNotHaveDuplicates();
    }

    @Test
    void createReturnsWhatEveryFinderReturns() {
        User alice = create("alice", "alice@example.com");

        assertThat(store.findById(alice.id())).contains(alice);
        assertThat(store.findByUsername("alice")).contains(alice);
        assertThat(store.findByEmail("alice@example.com")).contains(alice);
    }

    @Test
    void createRoundTripsEveryField() {
        NewUser draft = UserBuilder.create("김민준", "Min.Jun+tag@Example.kr", HASH, JOINED)
                .firstName("민준").lastName("김").active(false).staff(true).superuser(true).emailVerified(true)
                .locale(Locale.forLanguageTag("ko-KR")).build();

        User created = store.create(draft);

        assertThat(created).isEqualTo(draft.withId(created.id()));
        User found = store.findById(created.id()).orElseThrow();
        assertThat(found).isEqualTo(created);
        assertThat(found.username()).isEqualTo("김민준");
        assertThat(found.email()).as("the email is stored as given").isEqualTo("Min.Jun+tag@Example.kr");
        assertThat(found.passwordHash()).isEqualTo(HASH);
        assertThat(found.firstName()).isEqualTo("민준");
        assertThat(found.lastName()).isEqualTo("김");
        assertThat(found.active()).isFalse();
        assertThat(found.staff()).isTrue();
        assertThat(found.superuser()).isTrue();
        assertThat(found.emailVerified()).isTrue();
        assertThat(found.dateJoined()).isEqualTo(JOINED);
        assertThat(found.lastLogin()).isNull();
        assertThat(found.locale()).isEqualTo(Locale.forLanguageTag("ko-KR"));
    }

    @Test
    void createRoundTripsTheDefaultsOfANewUser() {
        User created = create("plain", "plain@example.com");

        User found = store.findById(created.id()).orElseThrow();
        assertThat(found.firstName()).isEmpty();
        assertThat(found.lastName()).isEmpty();
        assertThat(found.active()).isTrue();
        assertThat(found.staff()).isFalse();
        assertThat(found.superuser()).isFalse();
        assertThat(found.emailVerified()).isFalse();
        assertThat(found.lastLogin()).isNull();
        assertThat(found.locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void createKeepsInstantsToTheMillisecond() {
        Instant joined = Instant.parse("1999-12-31T23:59:59.999Z");
        User created = store.create(UserBuilder.create("y2k", "y2k@example.com", HASH, joined).build());

        assertThat(store.findById(created.id()).orElseThrow().dateJoined()).isEqualTo(joined);
    }

    @Test
    void findByIdOfAnUnknownIdIsEmpty() {
        User alice = create("alice", "alice@example.com");

        assertThat(store.findById(alice.id() + 1000)).isEmpty();
        assertThat(store.findById(0)).isEmpty();
        assertThat(store.findById(-1)).isEmpty();
    }

    @Test
    void findByUsernameIgnoresCase() {
        User alice = create("Alice", "alice@example.com");

        assertThat(store.findByUsername("alice")).contains(alice);
        assertThat(store.findByUsername("ALICE")).contains(alice);
        assertThat(store.findByUsername("aLiCe")).contains(alice);
    }

    @Test
    void findByUsernameIgnoresCompatibilityForms() {
        User alice = create("alice", "alice@example.com");
        User kelvin = create("kelvin", "kelvin@example.com");
        User file = create("ﬁle", "file@example.com");

        assertThat(store.findByUsername("Ａｌｉｃｅ")).contains(alice);
        assertThat(store.findByUsername("\u212Aelvin")).as("Kelvin sign").contains(kelvin);
        assertThat(store.findByUsername("FILE")).contains(file);
        assertThat(file.username()).isEqualTo("file");
    }

    @Test
    void findByUsernameFindsKoreanUsernames() {
        User user = create("김민준", "kim@example.com");

        assertThat(store.findByUsername("김민준")).contains(user);
        assertThat(store.findByUsername("김민")).isEmpty();
    }

    @Test
    void findByUsernameOfAnUnknownUsernameIsEmpty() {
        create("alice", "alice@example.com");

        assertThat(store.findByUsername("alicia")).isEmpty();
        assertThat(store.findByUsername("alice@example.com")).isEmpty();
    }

    @Test
    void findByEmailIgnoresCase() {
        User alice = create("alice", "Alice@Example.com");

        assertThat(store.findByEmail("alice@example.com")).contains(alice);
        assertThat(store.findByEmail("ALICE@EXAMPLE.COM")).contains(alice);
        assertThat(store.findByEmail("ａｌｉｃｅ@example.com")).contains(alice);
    }

    @Test
    void findByEmailOfAnUnknownAddressIsEmpty() {
        create("alice", "alice@example.com");

        assertThat(store.findByEmail("alice@example.org")).isEmpty();
        assertThat(store.findByEmail("bob@example.com")).isEmpty();
    }

    @Test
    void findByUsernameWithAMalformedValueIsEmptyNotAnError() {
        create("alice", "alice@example.com");

        for (String garbage : List.of("", " ", "alice ", "al ice", "alice\r\n", "a\u0000", "a/b", "<alice>",
                "a".repeat(151), "a".repeat(100_000))) {
            assertThat(store.findByUsername(garbage)).as("findByUsername(%s)", garbage).isEmpty();
        }
    }

    @Test
    void findByEmailWithAMalformedValueIsEmptyNotAnError() {
        create("alice", "alice@example.com");

        for (String garbage : List.of("", " ", "alice", "alice@", "@example.com", "alice@example.com\r\nBcc: x@y.com",
                "alice@@example.com", "alice@example..com", "alice\u0000@example.com", " alice@example.com",
                "x".repeat(300) + "@example.com")) {
            assertThat(store.findByEmail(garbage)).as("findByEmail(%s)", garbage).isEmpty();
        }
    }

    // --- uniqueness on create ----------------------------------------------------------------------------

    @Test
    void createWithATakenUsernameInAnyFormThrowsDuplicateUsernameAndStoresNothing() {
        User alice = create("alice", "alice@example.com");

        List<String> sameName = List.of("alice", "ALICE", "Alice", "Ａｌｉｃｅ", "ａｌｉｃｅ");
        for (int i = 0; i < sameName.size(); i++) {
            String email = "other" + i + "@example.com";
            NewUser copy = newUser(sameName.get(i), email);
            assertThatThrownBy(() -> store.create(copy)).as(sameName.get(i))
                    .isInstanceOfSatisfying(DuplicateUserException.class, e -> assertThat(e.field()).isEqualTo("username"));
            assertThat(store.findByEmail(email)).isEmpty();
        }
        assertThat(store.findByUsername("alice")).contains(alice);
    }

    @Test
    void createWithATakenUsernameUnderNfkcThrowsDuplicateUsername() {
        create("kelvin", "kelvin@example.com");
        create("file", "file@example.com");

        assertDuplicate(() -> create("\u212Aelvin", "k2@example.com"), "username");
        assertDuplicate(() -> create("ﬁle", "f2@example.com"), "username");
        assertThat(store.findByEmail("k2@example.com")).isEmpty();
        assertThat(store.findByEmail("f2@example.com")).isEmpty();
    }

    @Test
    void createWithATakenEmailInAnyFormThrowsDuplicateEmailAndStoresNothing() {
        User alice = create("alice", "alice@example.com");

        List<String> sameEmail = List.of("alice@example.com", "ALICE@EXAMPLE.COM", "Alice@Example.Com",
                "ａｌｉｃｅ@example.com", "alice@ＥＸＡＭＰＬＥ.com");
        for (int i = 0; i < sameEmail.size(); i++) {
            String username = "other" + i;
            NewUser copy = newUser(username, sameEmail.get(i));
            assertThatThrownBy(() -> store.create(copy)).as(sameEmail.get(i))
                    .isInstanceOfSatisfying(DuplicateUserException.class, e -> assertThat(e.field()).isEqualTo("email"));
            assertThat(store.findByUsername(username)).isEmpty();
        }
        assertThat(store.findByEmail("alice@example.com")).contains(alice);
    }

    @Test
    void createAllowsAnEmailThatDiffersOnlyInTheDomain() {
        create("alice", "alice@example.com");

        User other = create("alice2", "alice@example.org");

        assertThat(store.findByEmail("alice@example.org")).contains(other);
    }

    // --- update ------------------------------------------------------------------------------------------

    @Test
    void updateRoundTripsEveryField() {
        User alice = create("alice", "alice@example.com");
        User changed = alice.toBuilder().username("Alicia").email("Alicia@Example.org").passwordHash(HASH + "2")
                .firstName("앨리스").lastName("Kim").active(false).staff(true).superuser(true).emailVerified(true)
                .lastLogin(LOGIN).locale(Locale.forLanguageTag("ko-KR")).buildUser();

        assertThat(store.update(changed)).isTrue();

        assertThat(store.findById(alice.id())).contains(changed);
        assertThat(store.findById(alice.id()).orElseThrow().lastLogin()).isEqualTo(LOGIN);
    }

    @Test
    void updateMovesTheUsernameAndEmailKeys() {
        User alice = create("alice", "alice@example.com");
        User changed = alice.toBuilder().username("alicia").email("alicia@example.org").buildUser();

        store.update(changed);

        assertThat(store.findByUsername("ALICIA")).contains(changed);
        assertThat(store.findByEmail("ALICIA@example.org")).contains(changed);
        assertThat(store.findByUsername("alice")).isEmpty();
        assertThat(store.findByEmail("alice@example.com")).isEmpty();
    }

    @Test
    void updateFreesTheOldUsernameAndEmailForOthers() {
        User alice = create("alice", "alice@example.com");
        store.update(alice.toBuilder().username("alicia").email("alicia@example.org").buildUser());

        User newcomer = create("alice", "alice@example.com");

        assertThat(store.findByUsername("alice")).contains(newcomer);
    }

    @Test
    void updateMayChangeTheCaseOfTheUsersOwnUsernameAndEmail() {
        User alice = create("alice", "alice@example.com");
        User recased = alice.toBuilder().username("ALICE").email("Alice@Example.com").buildUser();

        assertThat(store.update(recased)).isTrue();

        assertThat(store.findByUsername("alice")).contains(recased);
        assertThat(store.findByEmail("alice@example.com")).contains(recased);
    }

    @Test
    void updateCanSetAndClearTheLastLogin() {
        User alice = create("alice", "alice@example.com");

        store.update(alice.toBuilder().lastLogin(LOGIN).buildUser());
        assertThat(store.findById(alice.id()).orElseThrow().lastLogin()).isEqualTo(LOGIN);

        store.update(alice.toBuilder().lastLogin(null).buildUser());
        assertThat(store.findById(alice.id()).orElseThrow().lastLogin()).isNull();
    }

    @Test
    void updateToAnotherUsersEmailThrowsDuplicateEmailAndChangesNothing() {
        User alice = create("alice", "alice@example.com");
        User bob = create("bob", "bob@example.com");
        User stolen = bob.toBuilder().email("ALICE@example.com").firstName("Robert").buildUser();

        assertDuplicate(() -> store.update(stolen), "email");

        assertThat(store.findById(bob.id())).contains(bob);
        assertThat(store.findById(alice.id())).contains(alice);
        assertThat(store.findByEmail("alice@example.com")).contains(alice);
        assertThat(store.findByEmail("bob@example.com")).contains(bob);
    }

    @Test
    void updateToAnotherUsersUsernameThrowsDuplicateUsernameAndChangesNothing() {
        User alice = create("alice", "alice@example.com");
        User bob = create("bob", "bob@example.com");
        User stolen = bob.toBuilder().username("Ａｌｉｃｅ").email("robert@example.com").buildUser();

        assertDuplicate(() -> store.update(stolen), "username");

        assertThat(store.findById(bob.id())).contains(bob);
        assertThat(store.findByUsername("alice")).contains(alice);
        assertThat(store.findByUsername("bob")).contains(bob);
        assertThat(store.findByEmail("bob@example.com")).contains(bob);
        assertThat(store.findByEmail("robert@example.com")).isEmpty();
    }

    @Test
    void updateOfAnUnknownIdReturnsFalseAndStoresNothing() {
        User alice = create("alice", "alice@example.com");
        User ghost = newUser("ghost", "ghost@example.com").withId(alice.id() + 1000);

        assertThat(store.update(ghost)).isFalse();

        assertThat(store.findById(ghost.id())).isEmpty();
        assertThat(store.findByUsername("ghost")).isEmpty();
        assertThat(store.findByEmail("ghost@example.com")).isEmpty();
    }

    // --- delete ------------------------------------------------------------------------------------------

    // --- updateIf ----------------------------------------------------------------------------------------

    @Test
    void updateIfWritesWhenTheSecurityStateIsUnchanged() {
        User alice = create("alice", "alice@example.com");
        User next = alice.toBuilder().passwordHash(HASH + "2").buildUser();

        assertThat(store.updateIf(alice, next)).isTrue();

        assertThat(store.findById(alice.id())).contains(next);
    }

    @Test
    void updateIfIgnoresChangesOutsideTheSecurityState() {
        User alice = create("alice", "alice@example.com");
        store.update(alice.toBuilder().firstName("Alice").staff(true).buildUser());
        User next = alice.toBuilder().emailVerified(true).buildUser();

        assertThat(store.updateIf(alice, next)).isTrue();

        assertThat(store.findById(alice.id()).orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void updateIfRefusesOnceAnySecurityFieldHasMoved() {
        User alice = create("alice", "alice@example.com");
        List<User> moved = List.of(
                alice.toBuilder().passwordHash(HASH + "x").buildUser(),
                alice.toBuilder().email("alice@example.org").buildUser(),
                alice.toBuilder().emailVerified(true).buildUser(),
                alice.toBuilder().active(false).buildUser(),
                alice.toBuilder().lastLogin(LOGIN).buildUser());
        for (User stored : moved) {
            store.update(stored);
            User attempt = alice.toBuilder().firstName("Mallory").buildUser();

            assertThat(store.updateIf(alice, attempt)).as("after %s", stored).isFalse();
            assertThat(store.findById(alice.id())).as("after %s", stored).contains(stored);
            store.update(alice);
        }
    }

    @Test
    void updateIfOfAnUnknownUserReturnsFalseAndStoresNothing() {
        User ghost = newUser("ghost", "ghost@example.com").withId(9_999_999L);

        assertThat(store.updateIf(ghost, ghost)).isFalse();
        assertThat(store.findById(9_999_999L)).isEmpty();
    }

    @Test
    void updateIfWithDifferentIdsIsRefused() {
        User alice = create("alice", "alice@example.com");
        User bob = create("bob", "bob@example.com");

        assertThatThrownBy(() -> store.updateIf(alice, bob)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.findById(alice.id())).contains(alice);
    }

    @Test
    void updateIfToAnotherUsersEmailThrowsDuplicateEmailAndChangesNothing() {
        User alice = create("alice", "alice@example.com");
        create("bob", "bob@example.com");

        assertThatThrownBy(() -> store.updateIf(alice, alice.toBuilder().email("BOB@example.com").buildUser()))
                .isInstanceOfSatisfying(DuplicateUserException.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThat(store.findById(alice.id())).contains(alice);
    }

    @Test
    void ofConcurrentUpdateIfCallsFromOneReadExactlyOneWins() throws Exception {
        User alice = create("alice", "alice@example.com");
        List<Boolean> results = simultaneously(i -> () ->
                store.updateIf(alice, alice.toBuilder().passwordHash(HASH + "-" + i).buildUser()));

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(store.findById(alice.id()).orElseThrow().passwordHash()).startsWith(HASH + "-");
    }

    @Test
    void deleteReturnsTrueThenFalse() {
        User alice = create("alice", "alice@example.com");

        assertThat(store.delete(alice.id())).isTrue();
        assertThat(store.delete(alice.id())).isFalse();
        assertThat(store.findById(alice.id())).isEmpty();
        assertThat(store.findByUsername("alice")).isEmpty();
        assertThat(store.findByEmail("alice@example.com")).isEmpty();
    }

    @Test
    void deleteOfAnUnknownIdReturnsFalseAndKeepsOthers() {
        User alice = create("alice", "alice@example.com");

        assertThat(store.delete(alice.id() + 1000)).isFalse();
        assertThat(store.findById(alice.id())).contains(alice);
    }

    @Test
    void deleteFreesTheUsernameAndEmailForReuse() {
        User alice = create("alice", "alice@example.com");
        store.delete(alice.id());

        User again = create("ALICE", "Alice@Example.com");

        assertThat(store.findByUsername("alice")).contains(again);
        assertThat(store.findByEmail("alice@example.com")).contains(again);
    }

    @Test
    void deleteNeverLetsANewUserReuseTheOldId() {
        // A session or grant left pointing at a deleted id must not come to mean a different person.
        User alice = create("alice", "alice@example.com");
        store.delete(alice.id());

        User again = create("alice", "alice@example.com");

        assertThat(again.id()).isNotEqualTo(alice.id());
    }

    // --- findByLogin -------------------------------------------------------------------------------------

    @Test
    void findByLoginFindsByUsernameOrByEmail() {
        User alice = create("alice", "alice@example.com");

        assertThat(store.findByLogin("Alice")).contains(alice);
        assertThat(store.findByLogin("Ａｌｉｃｅ")).contains(alice);
        assertThat(store.findByLogin("ALICE@example.com")).contains(alice);
    }

    @Test
    void findByLoginFindsAUsernameThatLooksLikeAnEmail() {
        User user = create("bob@legacy", "bob@example.com");

        assertThat(store.findByLogin("bob@legacy")).contains(user);
    }

    @Test
    void findByLoginPrefersTheEmailOverAnEmailShapedUsername() {
        User owner = create("owner", "owner@example.com");
        create("owner@example.com", "squatter@example.com");

        assertThat(store.findByLogin("owner@example.com")).contains(owner);
    }

    @Test
    void findByLoginWithGarbageIsEmpty() {
        create("alice", "alice@example.com");

        for (String garbage : List.of("", " ", "nobody", "alice@", "@", "alice@example.com\r\n", "a\u0000@b.com")) {
            assertThat(store.findByLogin(garbage)).as("findByLogin(%s)", garbage).isEmpty();
        }
    }

    // --- concurrency -------------------------------------------------------------------------------------

    @Test
    void concurrentCreatesWithOneEmailInDifferentFormsLetExactlyOneSucceed() throws Exception {
        assertDistinctSpellings("shared");
        List<Outcome> outcomes = race(i -> newUser("racer" + i, spellingOf("shared", i) + "@example.com"));

        assertThat(outcomes).filteredOn(o -> o.created != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.created == null).hasSize(THREADS - 1)
                .allSatisfy(o -> assertThat(o.duplicateField).isEqualTo("email"));
        User winner = outcomes.stream().filter(o -> o.created != null).findFirst().orElseThrow().created;
        assertThat(store.findByEmail("shared@example.com")).contains(winner);
        assertThat(countPresent(i -> store.findByUsername("racer" + i))).isEqualTo(1);
    }

    @Test
    void concurrentCreatesWithOneUsernameInDifferentFormsLetExactlyOneSucceed() throws Exception {
        assertDistinctSpellings("racer");
        List<Outcome> outcomes = race(i -> newUser(spellingOf("racer", i), "racer" + i + "@example.com"));

        assertThat(outcomes).filteredOn(o -> o.created != null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.created == null).hasSize(THREADS - 1)
                .allSatisfy(o -> assertThat(o.duplicateField).isEqualTo("username"));
        User winner = outcomes.stream().filter(o -> o.created != null).findFirst().orElseThrow().created;
        assertThat(store.findByUsername("racer")).contains(winner);
        assertThat(countPresent(i -> store.findByEmail("racer" + i + "@example.com"))).isEqualTo(1);
    }

    /** A distinct spelling of an ASCII word per index: upper case by the index's bits, fullwidth when odd. */
    private static String spellingOf(String word, int index) {
        StringBuilder spelled = new StringBuilder();
        for (int c = 0; c < word.length(); c++) {
            char ch = word.charAt(c);
            if ((index >> (c % 4) & 1) == 1) {
                ch = Character.toUpperCase(ch);
            }
            spelled.append(index >= THREADS / 2 ? (char) (ch - 'A' + 'Ａ') : ch);
        }
        return spelled.toString();
    }

    private static void assertDistinctSpellings(String word) {
        Set<String> spellings = new HashSet<>();
        for (int i = 0; i < THREADS; i++) {
            spellings.add(spellingOf(word, i));
        }
        assertThat(spellings).as("every thread uses a different spelling").hasSize(THREADS);
    }

    private List<Outcome> race(IntFunction<NewUser> drafts) throws Exception {
        return simultaneously(i -> {
            NewUser user = drafts.apply(i);
            return () -> {
                try {
                    return new Outcome(store.create(user), null);
                } catch (DuplicateUserException e) {
                    return new Outcome(null, e.field());
                }
            };
        });
    }

    /** Runs {@link #THREADS} calls released at one instant, and returns their results in index order. */
    private static <T> List<T> simultaneously(IntFunction<Callable<T>> calls) throws Exception {
        List<Callable<T>> prepared = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            prepared.add(calls.apply(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : prepared) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int countPresent(IntFunction<Optional<User>> lookup) {
        int present = 0;
        for (int i = 0; i < THREADS; i++) {
            if (lookup.apply(i).isPresent()) {
                present++;
            }
        }
        return present;
    }

    private static void assertDuplicate(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DuplicateUserException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private record Outcome(User created, String duplicateField) {
    }
}
