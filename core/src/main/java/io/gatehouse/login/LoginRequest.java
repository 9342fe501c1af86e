package io.gatehouse.login;

import io.gatehouse.InvalidInputException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One login attempt, as a web layer collects it.
 *
 * <pre>{@code
 * LoginRequest request = LoginRequest.of(form.login(), form.password())
 *         .from(servletRequest.getRemoteAddr())
 *         .rememberMe(form.remember())
 *         .replacing(cookieValueOrNull);
 * }</pre>
 *
 * <p>Security note: {@link #toString()} leaves out the password and the previous session id.
 *
 * @param login the username or email as typed
 * @param password the password as typed
 * @param clientAddress the client's network address, for per-address throttling; empty when unknown
 * @param rememberMe whether the session cookie should outlive the browser
 * @param previousSessionId the session id the client presented before logging in, which dies at login
 *     (session fixation); {@code null} when there was none
 */
public record LoginRequest(
        String login,
        String password,
        String clientAddress,
        boolean rememberMe,
        @Nullable String previousSessionId) {

    /** The longest login the service reads; longer ones fail without a store lookup. */
    public static final int MAX_LOGIN_LENGTH = 254;
    /** The longest client address accepted (an IPv6 address with a zone fits). */
    public static final int MAX_ADDRESS_LENGTH = 64;

    /**
     * Checks the components.
     *
     * @throws InvalidInputException naming {@code clientAddress} when it is too long or has control characters
     */
    public LoginRequest {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clientAddress, "clientAddress");
        if (clientAddress.length() > MAX_ADDRESS_LENGTH
                || clientAddress.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidInputException("clientAddress", "client_address_invalid",
                    "The clientAddress must be an IP address of at most " + MAX_ADDRESS_LENGTH
                            + " characters without spaces or control characters.");
        }
    }

    /**
     * An attempt with no client address, no remember-me and no previous session.
     *
     * @param login the username or email as typed
     * @param password the password as typed
     * @return the request
     */
    public static LoginRequest of(String login, String password) {
        return new LoginRequest(login, password, "", false, null);
    }

    /**
     * The same attempt from a client address.
     *
     * @param address e.g. {@code 203.0.113.7}
     * @return a new request
     */
    public LoginRequest from(String address) {
        return new LoginRequest(login, password, address, rememberMe, previousSessionId);
    }

    /**
     * The same attempt with the remember-me choice.
     *
     * @param remember whether the cookie should outlive the browser
     * @return a new request
     */
    public LoginRequest rememberMe(boolean remember) {
        return new LoginRequest(login, password, clientAddress, remember, previousSessionId);
    }

    /**
     * The same attempt, naming the session id the client held before logging in.
     *
     * @param sessionId the previous session id, or {@code null}
     * @return a new request
     */
    public LoginRequest replacing(@Nullable String sessionId) {
        return new LoginRequest(login, password, clientAddress, rememberMe, sessionId);
    }

    /** The login as events and {@link #toString()} show it: cut to 150 characters. */
    String shownLogin() {
        return login.length() > 150 ? login.substring(0, 150) : login;
    }

    @Override
    public String toString() {
        return "LoginRequest[login=" + shownLogin()
                + ", clientAddress=" + clientAddress + ", rememberMe=" + rememberMe + "]";
    }
}
