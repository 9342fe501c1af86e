package io.gatehouse.user;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stored user account.
 *
 * <p>The username is held in its {@link Username#normalize normalised} form and the email as given; both
 * are validated here, so a {@code User} is always well-formed. Change one with {@link #toBuilder()}.
 *
 * <p>Security note: {@link #toString()} leaves out the password hash.
 *
 * @param id the store-assigned id, positive
 * @param username the normalised username
 * @param email the email address as the user gave it
 * @param passwordHash the encoded password hash, or an unusable-password marker starting with {@code !}
 * @param firstName the first name, possibly empty
 * @param lastName the last name, possibly empty
 * @param active whether the account may log in
 * @param staff whether the user may enter admin areas
 * @param superuser whether the user has every permission without grants
 * @param emailVerified whether the user proved the email address is theirs
 * @param dateJoined when the account was created
 * @param lastLogin when the user last logged in, or {@code null} if never
 * @param locale the user's preferred language for mail and messages
 */
public record User(
        long id,
        String username,
        String email,
        String passwordHash,
        String firstName,
        String lastName,
        boolean active,
        boolean staff,
        boolean superuser,
        boolean emailVerified,
        Instant dateJoined,
        @Nullable Instant lastLogin,
        Locale locale) {

    /**
     * Validates every component.
     *
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public User {
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive, was " + id + ".");
        }
        UserFields.check(username, email, passwordHash, firstName, lastName, dateJoined, locale);
    }

    /**
     * When the user last logged in.
     *
     * @return the instant, or empty if the user never logged in
     */
    public Optional<Instant> lastLoginTime() {
        return Optional.ofNullable(lastLogin);
    }

    /**
     * Whether this user and {@code other} agree on everything a token or a session is bound to: the
     * password hash, email, verified flag, active flag and last login. {@link UserStore#updateIf} compares
     * exactly these.
     *
     * @param other another state of the same account
     * @return true when none of those fields differ
     */
    public boolean hasSameSecurityStateAs(User other) {
        return id == other.id
                && passwordHash.equals(other.passwordHash)
                && email.equals(other.email)
                && emailVerified == other.emailVerified
                && active == other.active
                && Objects.equals(lastLogin, other.lastLogin);
    }

    /**
     * The key usernames are compared and indexed by.
     *
     * @return {@link Username#canonical(String)} of the username
     */
    public String usernameKey() {
        return Username.canonical(username);
    }

    /**
     * The key emails are compared and indexed by.
     *
     * @return {@link EmailAddress#canonical(String)} of the email
     */
    public String emailKey() {
        return EmailAddress.canonical(email);
    }

    /**
     * A builder that starts from this user's values.
     *
     * @return a new builder; changing it does not change this user
     */
    public UserBuilder toBuilder() {
        return new UserBuilder(this);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", email=" + email + ", active=" + active
                + ", staff=" + staff + ", superuser=" + superuser + ", emailVerified=" + emailVerified
                + ", dateJoined=" + dateJoined + ", lastLogin=" + lastLogin + ", locale=" + locale + "]";
    }

    /** Shared checks for {@link User} and {@link NewUser}. */
    static final class UserFields {
        private UserFields() {
        }

        static void check(String username, String email, String passwordHash, String firstName,
                String lastName, Instant dateJoined, Locale locale) {
            Objects.requireNonNull(username, "username");
            if (!Username.normalize(username).equals(username)) {
                throw new IllegalArgumentException(
                        "username must be normalised; pass it through Username.normalize first.");
            }
            EmailAddress.validate(email);
            Objects.requireNonNull(passwordHash, "passwordHash");
            if (passwordHash.isEmpty()) {
                throw new IllegalArgumentException(
                        "passwordHash must not be empty; use an unusable-password marker for accounts "
                                + "without a password.");
            }
            Names.check(firstName, "firstName");
            Names.check(lastName, "lastName");
            Objects.requireNonNull(dateJoined, "dateJoined");
            Objects.requireNonNull(locale, "locale");
        }
    }
}
