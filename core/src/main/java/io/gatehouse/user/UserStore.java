package io.gatehouse.user;

import java.util.Optional;

/**
 * Port: where users live. Implementations: {@link InMemoryUserStore}, and the JDBC store of
 * {@code gatehouse-jdbc-store}. Every implementation passes the {@code UserStoreContract} test suite.
 *
 * <p>Implementations are thread-safe. Lookups by username and email compare canonical forms
 * ({@link Username#canonical}, {@link EmailAddress#canonical}), and uniqueness of both is enforced
 * atomically. Failures of the backing store are {@link io.gatehouse.StoreException}s.
 */
public interface UserStore {
    /**
     * Stores a new user and assigns its id.
     *
     * @param user the user to store
     * @return the stored user, with its id
     * @throws DuplicateUserException when the canonical username or email is taken
     */
    User create(NewUser user);

    /**
     * Finds a user by id.
     *
     * @param id the id
     * @return the user, or empty
     */
    Optional<User> findById(long id);

    /**
     * Finds a user by username, case-insensitively on the canonical form.
     *
     * @param username a username in any form; a value that is not a valid username finds nothing
     * @return the user, or empty
     */
    Optional<User> findByUsername(String username);

    /**
     * Finds a user by email, case-insensitively on the canonical form.
     *
     * @param email an address in any form; a malformed address finds nothing
     * @return the user, or empty
     */
    Optional<User> findByEmail(String email);

    /**
     * Replaces every stored field of the user with the given id.
     *
     * @param user the new state
     * @return true when the user existed and was updated, false when no user has that id
     * @throws DuplicateUserException when the new username or email belongs to another user
     */
    boolean update(User user);

    /**
     * Replaces the stored user only if its security state is still that of {@code expected}: the password
     * hash, email, verified flag, active flag and last login, the fields that tokens and sessions are bound
     * to (see {@link User#hasSameSecurityStateAs}). This is the compare-and-set that makes a one-time token
     * work once even when two requests present it at the same moment: of two calls with the same
     * {@code expected}, at most one returns true.
     *
     * @param expected the user as the caller read it
     * @param next the new state, with the same id
     * @return true when the user was replaced; false when it is gone or its security state has moved on
     * @throws DuplicateUserException when the new username or email belongs to another user
     * @throws IllegalArgumentException when the two users have different ids
     */
    boolean updateIf(User expected, User next);

    /**
     * Deletes a user. Stores that also keep sessions and grants delete those with it.
     *
     * @param id the id
     * @return true when a user was deleted
     */
    boolean delete(long id);

    /**
     * Finds a user by the login id a person typed: an address containing {@code @} is looked up as an email
     * first, then as a username; anything else as a username.
     *
     * @param login the username or email as typed
     * @return the user, or empty
     */
    default Optional<User> findByLogin(String login) {
        if (login.indexOf('@') >= 0) {
            Optional<User> byEmail = findByEmail(login);
            if (byEmail.isPresent()) {
                return byEmail;
            }
        }
        return findByUsername(login);
    }
}
