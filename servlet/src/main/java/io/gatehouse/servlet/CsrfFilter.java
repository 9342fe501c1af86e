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
import java.util.Set;

/** Refuses unsafe methods without a valid CSRF token; see {@link ServletAuth#csrfFilter()}. Thread-safe. */
final class CsrfFilter implements Filter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ServletAuth auth;

    CsrfFilter(ServletAuth auth) {
        this.auth = auth;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)
                || SAFE_METHODS.contains(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        boolean valid;
        try {
            valid = auth.csrfValid(http);
        } catch (StoreException e) {
            auth.storeFailed(http, out, e);
            return;
        }
        if (!valid) {
            Responses.csrfFailed(http, out);
            return;
        }
        chain.doFilter(request, response);
    }
}
