package io.gatehouse.account;

import java.util.Locale;
import java.util.Objects;

/**
 * What a person typed into a sign-up form. Only presence is checked here; {@link SignUp#register} checks the
 * rules and reports every broken one at once. A web layer passes {@code ""} for a field the form left out.
 *
 * <p>Security note: {@link #toString()} leaves out the password.
 *
 * @param username the username as typed
 * @param email the email address as typed
 * @param password the password as typed
 * @param locale the language the user's mail is written in
 */
public record SignUpRequest(String username, String email, CharSequence password, Locale locale) {
    /** Checks that every component is present. */
    public SignUpRequest {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * A request whose mail is written in English.
     *
     * @param username the username as typed
     * @param email the email address as typed
     * @param password the password as typed
     * @return the request
     */
    public static SignUpRequest of(String username, String email, CharSequence password) {
        return new SignUpRequest(username, email, password, Locale.ENGLISH);
    }

    /**
     * The same request with mail in another language.
     *
     * @param value the language, e.g. {@link Locale#KOREAN}
     * @return the changed request
     */
    public SignUpRequest locale(Locale value) {
        return new SignUpRequest(username, email, password, value);
    }

    @Override
    public String toString() {
        return "SignUpRequest[username=" + username + ", email=" + email + ", locale=" + locale + "]";
    }
}
