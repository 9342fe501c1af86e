package io.gatehouse.user;

import java.util.Objects;

/**
 * The account flags an administrator sets: active, staff, superuser and email verified. Start from the
 * user's current flags with {@link #of(User)}, change the ones the admin changed with the {@code with...}
 * methods, and {@link #applyTo(User)}.
 *
 * <pre>{@code
 * users.update(AdminUserUpdate.of(target).withActive(false).applyTo(target));
 * }</pre>
 *
 * <p>Security note: for admin paths only. This type does not check who is asking; the caller must have
 * authorised an administrator (and only a superuser should grant {@code superuser}). Self-service profile
 * forms use {@link ProfileUpdate}, which cannot reach these flags.
 *
 * @param active whether the account may log in
 * @param staff whether the user may enter admin areas
 * @param superuser whether the user has every permission without grants
 * @param emailVerified whether the email address counts as proven
 */
public record AdminUserUpdate(boolean active, boolean staff, boolean superuser, boolean emailVerified) {
    /**
     * The user's current flags.
     *
     * @param user the user
     * @return an update that changes nothing when applied to {@code user}
     */
    public static AdminUserUpdate of(User user) {
        return new AdminUserUpdate(user.active(), user.staff(), user.superuser(), user.emailVerified());
    }

    /**
     * A copy with another value for {@code active}.
     *
     * @param value whether the account may log in
     * @return the changed update
     */
    public AdminUserUpdate withActive(boolean value) {
        return new AdminUserUpdate(value, staff, superuser, emailVerified);
    }

    /**
     * A copy with another value for {@code staff}.
     *
     * @param value whether the user may enter admin areas
     * @return the changed update
     */
    public AdminUserUpdate withStaff(boolean value) {
        return new AdminUserUpdate(active, value, superuser, emailVerified);
    }

    /**
     * A copy with another value for {@code superuser}.
     *
     * @param value whether the user has every permission
     * @return the changed update
     */
    public AdminUserUpdate withSuperuser(boolean value) {
        return new AdminUserUpdate(active, staff, value, emailVerified);
    }

    /**
     * A copy with another value for {@code emailVerified}.
     *
     * @param value whether the email address counts as proven
     * @return the changed update
     */
    public AdminUserUpdate withEmailVerified(boolean value) {
        return new AdminUserUpdate(active, staff, superuser, value);
    }

    /**
     * The user with these flags.
     *
     * @param user the user being administered
     * @return a copy of {@code user} with the four flags replaced and every other component unchanged
     */
    public User applyTo(User user) {
        Objects.requireNonNull(user, "user");
        return new User(user.id(), user.username(), user.email(), user.passwordHash(), user.firstName(),
                user.lastName(), active, staff, superuser, emailVerified, user.dateJoined(), user.lastLogin(),
                user.locale());
    }
}
