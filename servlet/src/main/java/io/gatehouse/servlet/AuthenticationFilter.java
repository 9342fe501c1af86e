package io.gatehouse.servlet;

import io.gatehouse.StoreException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Resolves who a request acts as and exposes it through the servlet API; see
 * {@link ServletAuth#authenticationFilter()}. It also translates what the helpers behind it throw: a
 * {@link StoreException} becomes 503, a {@link CsrfRejectedException} 403, as long as the response is not
 * committed. Thread-safe.
 */
final class AuthenticationFilter implements Filter {
    private final ServletAuth auth;

    AuthenticationFilter(ServletAuth auth) {
        this.auth = auth;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
            chain.doFilter(request, response);
            return;
        }
        RequestState state;
        try {
            state = auth.state(http);
        } catch (StoreException e) {
            auth.storeFailed(http, out, e);
            return;
        }
        try {
            chain.doFilter(new AuthenticatedRequest(http, state.subject()), out);
        } catch (StoreException | CsrfRejectedException | ServletException e) {
            handle(http, out, e);
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, Exception thrown)
            throws IOException, ServletException {
        Throwable cause = rootOfInterest(thrown);
        if (cause instanceof StoreException store && !response.isCommitted()) {
            auth.storeFailed(request, response, store);
        } else if (cause instanceof CsrfRejectedException && !response.isCommitted()) {
            Responses.csrfFailed(request, response);
        } else if (thrown instanceof ServletException servlet) {
            throw servlet;
        } else {
            throw (RuntimeException) thrown;
        }
    }

    /** Containers may wrap what a servlet threw in a {@code ServletException}; look through the wrapping. */
    private static @Nullable Throwable rootOfInterest(Throwable thrown) {
        Throwable current = thrown;
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (current instanceof StoreException || current instanceof CsrfRejectedException) {
                return current;
            }
            current = current.getCause();
        }
        return null;
    }
}
