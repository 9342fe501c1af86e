package io.gatehouse.guard;

import java.util.Objects;

/**
 * What a {@link Guard} decided about a request. A web layer maps each kind to a response:
 * {@link Allow} lets the request through, {@link RedirectToLogin} answers 302 with its location,
 * {@link Unauthorized} answers 401 and {@link Forbidden} answers 403.
 *
 * <pre>{@code
 * GuardDecision decision = guard.decide(subject, pathAndQuery);
 * if (decision instanceof GuardDecision.RedirectToLogin redirect) {
 *     response.sendRedirect(redirect.location());
 * } else if (decision instanceof GuardDecision.Unauthorized) {
 *     response.sendError(401);
 * } else if (decision instanceof GuardDecision.Forbidden) {
 *     response.sendError(403);
 * } else {
 *     chain.doFilter(request, response);
 * }
 * }</pre>
 */
public sealed interface GuardDecision {
    /**
     * Tells whether the request may proceed.
     *
     * @return true only for {@link Allow}
     */
    default boolean allowed() {
        return this instanceof Allow;
    }

    /** The request may proceed. */
    record Allow() implements GuardDecision {
    }

    /**
     * The visitor must log in first; send the browser to the location.
     *
     * @param location the login URL with a percent-encoded {@code next}, built by {@link LoginRedirects}
     */
    record RedirectToLogin(String location) implements GuardDecision {
        /**
         * Checks the location is present.
         *
         * @throws NullPointerException when it is null
         */
        public RedirectToLogin {
            Objects.requireNonNull(location, "location");
        }
    }

    /** A client that cannot follow a login redirect (an API call) must authenticate first: 401. */
    record Unauthorized() implements GuardDecision {
    }

    /** The subject is logged in but may not do this: 403. */
    record Forbidden() implements GuardDecision {
    }
}
