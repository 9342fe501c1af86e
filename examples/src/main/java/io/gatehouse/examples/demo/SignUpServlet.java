package io.gatehouse.examples.demo;

import io.gatehouse.account.FieldError;
import io.gatehouse.account.SignUpRequest;
import io.gatehouse.account.SignUpResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /signup}: the form, and the sign-up that queues the verification mail. */
final class SignUpServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Web web;

    SignUpServlet(Web web) {
        this.web = web;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        web.page(request, response, "signup", Map.of("username", "", "email", "", "errors", Map.of()));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = web.locale(request);
        String username = Web.param(request, "username");
        String email = Web.param(request, "email");
        SignUpResult result = web.gatehouse().signUp()
                .register(SignUpRequest.of(username, email, Web.param(request, "password")).locale(locale));
        if (result instanceof SignUpResult.Invalid invalid) {
            web.page(request, response, "signup",
                    Map.of("username", username, "email", email, "errors", byField(invalid.errors(), locale)));
        } else {
            web.redirect(response, "/", "ok.signed_up");
        }
    }

    /** Error messages per form field, in the reader's language. */
    static Map<String, List<String>> byField(List<FieldError> errors, Locale locale) {
        Map<String, List<String>> map = new HashMap<>();
        for (FieldError error : errors) {
            map.computeIfAbsent(error.field(), f -> new ArrayList<>()).add(error.message(locale));
        }
        return map;
    }
}
