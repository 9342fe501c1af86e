package io.gatehouse.servlet;

import io.gatehouse.guard.GuardDecision;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The responses Gatehouse answers with itself: redirects, refusals and the headers of auth pages. Bodies are
 * short fixed texts (JSON for clients that asked for it), written directly rather than through
 * {@code sendError}, so that no container error page or error dispatch gets involved. Stateless.
 */
final class Responses {
    private Responses() {
    }

    /** {@code Cache-Control: no-store} and {@code Referrer-Policy: no-referrer}: pages with tokens or secrets. */
    static void authPageHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /** A 302 to a location used as given: no container rewriting to an absolute URL from the Host header. */
    static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }

    /** Turns a guard's refusal into a response. */
    static void deny(HttpServletRequest request, HttpServletResponse response, GuardDecision decision)
            throws IOException {
        if (decision instanceof GuardDecision.RedirectToLogin redirect) {
            redirect(response, redirect.location());
        } else if (decision instanceof GuardDecision.Unauthorized) {
            text(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "Log in first.");
        } else {
            text(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                    "You do not have permission to see this page.");
        }
    }

    static void badPath(HttpServletRequest request, HttpServletResponse response) throws IOException {
        text(request, response, HttpServletResponse.SC_BAD_REQUEST, "ambiguous_path",
                "The request path is ambiguous and was refused.");
    }

    static void csrfFailed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        text(request, response, HttpServletResponse.SC_FORBIDDEN, "csrf_failed",
                "CSRF verification failed. Reload the form and try again.");
    }

    static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "30");
        text(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "unavailable",
                "The service is temporarily unavailable. Try again shortly.");
    }

    static void methodNotAllowed(HttpServletRequest request, HttpServletResponse response, String allow)
            throws IOException {
        response.setHeader("Allow", allow);
        text(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "method_not_allowed",
                "This page only answers " + allow + ".");
    }

    /**
     * Tells whether the client wants JSON rather than a page it can be redirected around: it sent
     * {@code Accept: application/json} or an {@code X-Requested-With} header.
     */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return (accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json"))
                || request.getHeader("X-Requested-With") != null;
    }

    private static void text(HttpServletRequest request, HttpServletResponse response, int status, String code,
            String message) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        boolean json = wantsJson(request);
        response.setContentType(json ? "application/json" : "text/plain");
        response.setCharacterEncoding("UTF-8");
        String body = json ? "{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}\n" : message + "\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try {
            response.getOutputStream().write(bytes);
        } catch (IllegalStateException writerInUse) {
            // The application had already asked for the writer before it failed.
            response.getWriter().write(body);
        }
    }
}
