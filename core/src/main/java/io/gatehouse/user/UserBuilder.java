package io.gatehouse.user;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link NewUser} to store, or a changed copy of a stored {@link User}. Not thread-safe; the values
 * it builds are validated when built.
 *
 * <pre>{@code
 * NewUser draft = UserBuilder.create("alice", "alice@example.com", hash, clock.instant()).build();
 * User renamed = stored.toBuilder().firstName("Alice").buildUser();
 * }</pre>
 */
public final class UserBuilder {
    private long id;
    private String username;
    private String email;
    private String passwordHash;
    private String firstName = "";
    private String lastName = "";
    private boolean active = true;
    private boolean staff;
    private boolean superuser;
    private boolean emailVerified;
    private Instant dateJoined;
    private @Nullable Instant lastLogin;
    private Locale locale = Locale.ENGLISH;

    private UserBuilder(String username, String email, String passwordHash, Instant dateJoined) {
        this.username = Username.normalize(username);
        this.email = Objects.requireNonNull(email, "email");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        this.dateJoined = Objects.requireNonNull(dateJoined, "dateJoined");
    }

    UserBuilder(User user) {
        this(user.username(), user.email(), user.passwordHash(), user.dateJoined());
        id = user.id();
        firstName = user.firstName();
        lastName = user.lastName();
        active = user.active();
        staff = user.staff();
        superuser = user.superuser();
        emailVerified = user.emailVerified();
        lastLogin = user.lastLogin();
        locale = user.locale();
    }

    /**
     * Starts a new, active, unprivileged, unverified user.
     *
     * @param username the username as typed; it is normalised here
     * @param email the email address
     * @param passwordHash the encoded password hash, or an unusable-password marker
     * @param dateJoined when the account is created
     * @return a builder
     * @throws io.gatehouse.InvalidInputException naming {@code username} when it breaks a rule
     */
    public static UserBuilder create(String username, String email, String passwordHash, Instant dateJoined) {
        return new UserBuilder(username, email, passwordHash, dateJoined);
    }

    /**
     * Sets the username.
     *
     * @param value the username as typed; it is normalised here
     * @return this builder
     */
    public UserBuilder username(String value) {
        username = Username.normalize(value);
        return this;
    }

    /**
     * Sets the email address.
     *
     * @param value the address as given
     * @return this builder
     */
    public UserBuilder email(String value) {
        email = Objects.requireNonNull(value, "email");
        return this;
    }

    /**
     * Sets the encoded password hash.
     *
     * @param value the encoded hash or an unusable-password marker
     * @return this builder
     */
    public UserBuilder passwordHash(String value) {
        passwordHash = Objects.requireNonNull(value, "passwordHash");
        return this;
    }

    /**
     * Sets the first name.
     *
     * @param value the first name, possibly empty
     * @return this builder
     */
    public UserBuilder firstName(String value) {
        firstName = Objects.requireNonNull(value, "firstName");
        return this;
    }

    /**
     * Sets the last name.
     *
     * @param value the last name, possibly empty
     * @return this builder
     */
    public UserBuilder lastName(String value) {
        lastName = Objects.requireNonNull(value, "lastName");
        return this;
    }

    /**
     * Sets whether the account may log in.
     *
     * @param value the flag
     * @return this builder
     */
    public UserBuilder active(boolean value) {
        active = value;
        return this;
    }

    /**
     * Sets whether the user may enter admin areas.
     *
     * @param value the flag
     * @return this builder
     */
    public UserBuilder staff(boolean value) {
        staff = value;
        return this;
    }

    /**
     * Sets whether the user has every permission.
     *
     * @param value the flag
     * @return this builder
     */
    public UserBuilder superuser(boolean value) {
        superuser = value;
        return this;
    }

    /**
     * Sets whether the email address is verified.
     *
     * @param value the flag
     * @return this builder
     */
    public UserBuilder emailVerified(boolean value) {
        emailVerified = value;
        return this;
    }

    /**
     * Sets the time of the last login.
     *
     * @param value the instant, or {@code null} for never
     * @return this builder
     */
    public UserBuilder lastLogin(@Nullable Instant value) {
        lastLogin = value;
        return this;
    }

    /**
     * Sets the preferred language.
     *
     * @param value the locale
     * @return this builder
     */
    public UserBuilder locale(Locale value) {
        locale = Objects.requireNonNull(value, "locale");
        return this;
    }

    /**
     * Builds a user to hand to {@link UserStore#create(NewUser)}.
     *
     * @return the validated new user
     * @throws IllegalArgumentException naming the field that breaks a rule
     */
    public NewUser build() {
        return new NewUser(username, email, passwordHash, firstName, lastName, active, staff, superuser,
                emailVerified, dateJoined, locale);
    }

    /**
     * Builds a changed copy of a stored user; only builders from {@link User#toBuilder()} carry an id.
     *
     * @return the validated user
     * @throws IllegalStateException when this builder did not start from a stored user
     */
    public User buildUser() {
        if (id <= 0) {
            throw new IllegalStateException("This builder has no id; use build() for a user not yet stored.");
        }
        return new User(id, username, email, passwordHash, firstName, lastName, active, staff, superuser,
                emailVerified, dateJoined, lastLogin, locale);
    }
}
