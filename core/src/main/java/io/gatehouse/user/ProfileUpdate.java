package io.gatehouse.user;

import java.util.Locale;
import java.util.Objects;

/**
 * The changes a user may make to their own profile: names and preferred language, nothing else. Bind a
 * self-service "edit profile" form to this type, never to {@link User} or {@link UserBuilder}, so that no
 * request parameter can reach the username, email, password hash or the active, staff, superuser and
 * verified flags. Admin screens use {@link AdminUserUpdate} for the flags.
 *
 * <p>Security note: this is Django's {@code UserChangeForm} lesson; a profile form that exposes the whole
 * model lets a user make themselves staff by adding one field to the request.
 *
 * <pre>{@code
 * ProfileUpdate form = new ProfileUpdate(params.first(), params.last(), Locale.forLanguageTag(params.lang()));
 * users.update(form.applyTo(currentUser));
 * }</pre>
 *
 * @param firstName the new first name, possibly empty, validated as in {@link User}
 * @param lastName the new last name, possibly empty, validated as in {@link User}
 * @param locale the new preferred language
 */
public record ProfileUpdate(String firstName, String lastName, Locale locale) {
    /**
     * Validates every component with the rules of {@link User}.
     *
     * @throws io.gatehouse.InvalidInputException naming {@code firstName} or {@code lastName} when a name is
     *     longer than 150 characters or holds a control character
     * @throws NullPointerException naming the component that is null
     */
    public ProfileUpdate {
        Names.check(firstName, "firstName");
        Names.check(lastName, "lastName");
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * The user's current profile, to fill in a form.
     *
     * @param user the user
     * @return an update that changes nothing when applied to {@code user}
     */
    public static ProfileUpdate of(User user) {
        return new ProfileUpdate(user.firstName(), user.lastName(), user.locale());
    }

    /**
     * The user with this profile.
     *
     * @param user the user being edited
     * @return a copy of {@code user} with the first name, last name and locale replaced and every other
     *     component, flags included, unchanged
     */
    public User applyTo(User user) {
        Objects.requireNonNull(user, "user");
        // Every component is spelled out, not copied through a builder, so that a component added to User
        // later breaks this line and gets a deliberate decision instead of silently becoming editable.
        return new User(user.id(), user.username(), user.email(), user.passwordHash(), firstName, lastName,
                user.active(), user.staff(), user.superuser(), user.emailVerified(), user.dateJoined(),
                user.lastLogin(), locale);
    }
}
