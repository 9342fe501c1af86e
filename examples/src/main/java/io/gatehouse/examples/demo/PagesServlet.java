package io.gatehouse.examples.demo;

import io.gatehouse.permission.Permission;
import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The home page, the members' page (login required), the reports page (a permission required) and 404s. */
final class PagesServlet extends HttpServlet {
    static final Permission VIEW_REPORT = Permission.of("demo.view_report");
    private static final long serialVersionUID = 1L;
    private final transient Web web;

    PagesServlet(Web web) {
        this.web = web;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        switch (request.getServletPath()) {
            case "" -> web.page(request, response, "home", Map.of());
            // The guard rules sent anonymous visitors to the login page already.
            case "/members" -> web.page(request, response, "members", Map.of());
            case "/reports" -> {
                if (ServletAuth.subject(request).hasPerm(VIEW_REPORT)) {
                    web.page(request, response, "reports", Map.of());
                } else {
                    web.error(request, response, HttpServletResponse.SC_FORBIDDEN);
                }
            }
            default -> web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        web.error(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
