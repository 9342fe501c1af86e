package io.gatehouse.servlet;

import io.gatehouse.InvalidInputException;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.Subject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * The request as the application sees it behind the authentication filter: the servlet security methods
 * answer from the Gatehouse subject.
 *
 * <p>Roles: {@value #STAFF} is an active staff user, {@value #SUPERUSER} an active superuser, {@code **} any
 * logged-in user (the servlet specification's meaning), and a permission name such as
 * {@code reports.view_report} a user holding that permission (a superuser holds all). Any other role is false.
 */
final class AuthenticatedRequest extends HttpServletRequestWrapper {
    static final String STAFF = "staff";
    static final String SUPERUSER = "superuser";

    private final Subject subject;

    AuthenticatedRequest(HttpServletRequest request, Subject subject) {
        super(request);
        this.subject = subject;
    }

    @Override
    public @Nullable Principal getUserPrincipal() {
        return subject.isAuthenticated() ? new GatehousePrincipal(subject) : null;
    }

    @Override
    public @Nullable String getRemoteUser() {
        return subject.user().map(user -> user.username()).orElse(null);
    }

    @Override
    public @Nullable String getAuthType() {
        return subject.isAuthenticated() ? HttpServletRequest.FORM_AUTH : null;
    }

    @Override
    public boolean isUserInRole(@Nullable String role) {
        return hasRole(subject, role);
    }

    static boolean hasRole(Subject subject, @Nullable String role) {
        if (role == null || !subject.isAuthenticated() || !subject.user().orElseThrow().active()) {
            return false;
        }
        switch (role) {
            case STAFF:
                return subject.isStaff();
            case SUPERUSER:
                return subject.isSuperuser();
            case "**":
                return true;
            default:
                try {
                    return subject.hasPerm(Permission.of(role));
                } catch (InvalidInputException notAPermissionName) {
                    return false;
                }
        }
    }
}
