package io.gatehouse.examples.demo;

import io.gatehouse.account.ResendResult;
import io.gatehouse.account.VerificationResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /verify/<uid>/<token>} (the link in the sign-up mail) and {@code /verify/resend}. Following the link
 * shows a button; the verification itself is a POST, so that a mail scanner that fetches every link changes
 * nothing, and every state change stays a POST.
 */
final class VerifyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Web web;

    VerifyServlet(Web web) {
        this.web = web;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/resend".equals(request.getPathInfo())) {
            web.page(request, response, "verify-resend", Map.of("email", "", "error", ""));
            return;
        }
        Optional<LinkPath> link = LinkPath.parse(request.getPathInfo());
        if (link.isEmpty()) {
            web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        web.page(request, response, "verify", Map.of("uid", link.get().uid(), "token", link.get().token()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if ("/resend".equals(request.getPathInfo())) {
            resend(request, response);
            return;
        }
        Optional<LinkPath> link = LinkPath.parse(request.getPathInfo());
        if (link.isEmpty()) {
            web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        VerificationResult result = web.gatehouse().verification().verify(link.get().uid(), link.get().token());
        if (result instanceof VerificationResult.Verified) {
            web.redirect(response, "/login", "ok.verified");
        } else if (result instanceof VerificationResult.AlreadyVerified) {
            web.redirect(response, "/login", "ok.already_verified");
        } else {
            web.redirect(response, "/verify/resend", "err.verify_invalid");
        }
    }

    private void resend(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String email = Web.param(request, "email");
        ResendResult result = web.gatehouse().verification().resend(email);
        if (result instanceof ResendResult.Invalid invalid) {
            web.page(request, response, "verify-resend",
                    Map.of("email", email, "error", invalid.error().message(web.locale(request))));
        } else if (result instanceof ResendResult.CoolingDown) {
            web.redirect(response, "/verify/resend", "err.cooldown");
        } else {
            web.redirect(response, "/login", "ok.verify_resent");
        }
    }
}
