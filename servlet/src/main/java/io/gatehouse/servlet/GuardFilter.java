package io.gatehouse.servlet;

import io.gatehouse.StoreException;
import io.gatehouse.guard.Guard;
import io.gatehouse.guard.GuardDecision;
import io.gatehouse.permission.Subject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Refuses ambiguous paths and applies the guard rules; see {@link ServletAuth#guardFilter(GuardRules)}.
 * Thread-safe.
 */
final class GuardFilter implements Filter {
    private final ServletAuth auth;
    private final GuardRules rules;

    GuardFilter(ServletAuth auth, GuardRules rules) {
        this.auth = auth;
        this.rules = rules;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
            chain.doFilter(request, response);
            return;
        }
        boolean include = http.getDispatcherType() == DispatcherType.INCLUDE;
        Optional<String> path = RequestPaths.decisionPath(http);
        if (path.isEmpty()) {
            if (include) {
                throw new ServletException("Gatehouse refused to include a resource with an ambiguous path.");
            }
            Responses.badPath(http, out);
            return;
        }
        Optional<Guard> guard = rules.guardFor(path.get());
        if (guard.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Subject subject;
        try {
            subject = auth.state(http).subject();
        } catch (StoreException e) {
            if (include) {
                throw new ServletException("Gatehouse could not check an included resource: a store failed.", e);
            }
            auth.storeFailed(http, out, e);
            return;
        }
        GuardDecision decision = guard.get().decide(subject, RequestPaths.requestedPathAndQuery(http),
                !Responses.wantsJson(http));
        if (decision.allowed()) {
            chain.doFilter(request, response);
        } else if (include) {
            // An included resource cannot set the status or headers; failing the whole response is the only
            // refusal that cannot be mistaken for success.
            throw new ServletException("Gatehouse refused to include " + path.get() + " for " + subject + ".");
        } else {
            Responses.deny(http, out, decision);
        }
    }
}
