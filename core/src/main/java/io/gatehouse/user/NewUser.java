package io.gatehouse.user;

import java.time.Instant;
import java.util.Locale;

/**
 * A user about to be stored: every {@link User} component but the id and the last login, which the store
 * and the login path assign. Build one with {@link UserBuilder}.
 *
 * <p>Security note: {@link #toString()} leaves out the password hash.
 *
 * @param username the normalised username
 * @param email the email address as given
 * @param passwordHash the encoded password hash or an unusable-password marker
 * @param firstName the first name, possibly empty
 * @param lastName the last name, possibly empty
 * @param active whether the account may log in
 * @param staff whether the user may enter admin areas
 * @param superuser whether the user has every permission
 * @param emailVerified whether the email is proven
 * @param dateJoined when the account is created
 * @param locale the preferred language
 */
public record NewUser(
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
        Locale locale) {

    /**
     * Validates every component.
     *
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public NewUser {
        User.UserFields.check(username, email, passwordHash, firstName, lastName, dateJoined, locale);
    }

    /**
     * The stored user this becomes once the store has assigned an id.
     *
     * @param id the assigned id
     * @return the user, never logged in yet
     */
    public User withId(long id) {
        return new User(id, username, email, passwordHash, firstName, lastName, active, staff, superuser,
                emailVerified, dateJoined, null, locale);
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

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", email=" + email + ", active=" + active + ", staff=" + staff
                + ", superuser=" + superuser + ", emailVerified=" + emailVerified + ", dateJoined=" + dateJoined
                + ", locale=" + locale + "]";
    }
}
