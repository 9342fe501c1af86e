package io.gatehouse.examples.demo;

import io.gatehouse.InvalidInputException;
import io.gatehouse.guard.LoginRedirects;
import io.gatehouse.permission.Group;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.permission.Subject;
import io.gatehouse.servlet.ServletAuth;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.User;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code /admin/users}: the user list with search, filters, paging and bulk actions, as in Django's admin. Staff
 * only; listing takes {@code auth.view_user} and each action its own permission ({@link BulkAction}).
 *
 * <p>Acting on yourself (deactivate, delete) and, for staff who are not superusers, acting on a superuser are
 * skipped, so no one locks themselves out or takes a superuser's account away.
 */
final class AdminUsersServlet extends HttpServlet {
    private static final String LIST = "/admin/users";
    private static final long serialVersionUID = 1L;
    private final transient Web web;
    private final transient UserDirectory directory;

    AdminUsersServlet(Web web, UserDirectory directory) {
        this.web = web;
        this.directory = directory;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null || !web.allowAdmin(request, response, BulkAction.VIEW_USER)) {
            if (request.getPathInfo() != null) {
                web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
            }
            return;
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : List.of("active", "staff", "superuser", "verified")) {
            String value = Web.param(request, name);
            filters.put(name, "yes".equals(value) || "no".equals(value) ? value : "");
        }
        String search = Web.param(request, "q").strip();
        UserDirectory.Page page = directory.find(new UserDirectory.Query(search, flag(filters.get("active")),
                flag(filters.get("staff")), flag(filters.get("superuser")), flag(filters.get("verified")),
                pageNumber(Web.param(request, "page"))));
        Subject subject = ServletAuth.subject(request);
        List<BulkAction> actions = BulkAction.allowed(subject);
        PermissionStore store = web.gatehouse().permissionStore();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", page.rows().stream().map(r -> new RowView(r, Dates.format(r.dateJoined()),
                Dates.format(r.lastLogin()))).toList());
        model.put("q", search);
        model.put("filters", filters);
        model.put("page", page);
        model.put("back", url(search, filters, page.page()));
        model.put("prevUrl", page.page() > 1 ? url(search, filters, page.page() - 1) : "");
        model.put("nextUrl", page.page() < page.pages() ? url(search, filters, page.page() + 1) : "");
        model.put("actions", actions.stream().map(BulkAction::key).toList());
        model.put("permissions", actions.contains(BulkAction.GRANT_PERMISSION)
                ? store.registered().stream().map(Permission::name).toList() : List.of());
        model.put("groups", actions.contains(BulkAction.ADD_TO_GROUP) ? store.groups() : List.<Group>of());
        web.page(request, response, "admin-users", model);
    }

    /** A row with its times written out for the page. */
    record RowView(UserDirectory.Row user, String joined, String lastLogin) {
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/action".equals(request.getPathInfo())) {
            web.error(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Optional<BulkAction> action = BulkAction.of(Web.param(request, "action"));
        // Checked here, not only by hiding the choice: a forced request without the permission gets 403.
        if (!web.allowAdmin(request, response, action.map(BulkAction::permission).orElse(null))) {
            return;
        }
        String back = Web.param(request, "back");
        if (!back.startsWith(LIST) || !LoginRedirects.isSafe(back)) {
            back = LIST;
        }
        List<Long> ids = ids(request);
        if (action.isEmpty() || ids.isEmpty()) {
            web.redirect(response, back, "err.admin_none_selected");
            return;
        }
        int done;
        try {
            done = apply(action.get(), ServletAuth.subject(request), ids, request);
        } catch (InvalidInputException e) {
            web.redirect(response, back, "err.admin_invalid");
            return;
        }
        web.redirect(response, back, "ok.admin_" + action.get().key(), done);
    }

    private int apply(BulkAction action, Subject actor, List<Long> ids, HttpServletRequest request) {
        PermissionStore store = web.gatehouse().permissionStore();
        Permission permission = action == BulkAction.GRANT_PERMISSION ? registered(Web.param(request, "permission"))
                : null;
        long groupId = action == BulkAction.ADD_TO_GROUP ? group(Web.param(request, "group")) : 0;
        long me = actor.user().orElseThrow().id();
        int done = 0;
        for (long id : ids) {
            Optional<User> target = web.gatehouse().users().findById(id);
            if (target.isEmpty() || (target.get().superuser() && !actor.isSuperuser())) {
                continue;
            }
            User user = target.get();
            boolean self = id == me;
            switch (action) {
                case ACTIVATE -> done += setActive(user, true);
                case DEACTIVATE -> done += self ? 0 : setActive(user, false);
                case DELETE -> done += !self && web.gatehouse().accounts().delete(id) ? 1 : 0;
                case GRANT_PERMISSION -> {
                    store.grantToUser(id, permission);
                    done++;
                }
                case ADD_TO_GROUP -> {
                    store.addToGroup(id, groupId);
                    done++;
                }
            }
        }
        return done;
    }

    private int setActive(User user, boolean active) {
        if (user.active() == active) {
            return 0;
        }
        web.gatehouse().accounts().updateFlags(user.id(), AdminUserUpdate.of(user).withActive(active));
        return 1;
    }

    private Permission registered(String name) {
        Permission permission = Permission.of(name);
        if (!web.gatehouse().permissionStore().registered().contains(permission)) {
            throw new InvalidInputException("permission", "permission_not_registered",
                    "The permission " + permission + " is not registered.");
        }
        return permission;
    }

    private long group(String id) {
        try {
            long groupId = Long.parseLong(id);
            if (web.gatehouse().permissionStore().groups().stream().anyMatch(g -> g.id() == groupId)) {
                return groupId;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new InvalidInputException("group", "group_not_found", "No group has the id given.");
    }

    private static List<Long> ids(HttpServletRequest request) {
        String[] values = request.getParameterValues("ids");
        List<Long> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                try {
                    ids.add(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    // A tampered form: the value is skipped, like a row deleted meanwhile.
                }
            }
        }
        return ids.stream().distinct().limit(1000).toList();
    }

    private static @Nullable Boolean flag(String value) {
        return value.isEmpty() ? null : "yes".equals(value);
    }

    private static int pageNumber(String value) {
        try {
            return Math.max(1, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String url(String search, Map<String, String> filters, int page) {
        StringBuilder url = new StringBuilder(LIST).append("?q=").append(URLEncoder.encode(search,
                StandardCharsets.UTF_8));
        filters.forEach((name, value) -> url.append('&').append(name).append('=').append(value));
        return url.append("&page=").append(page).toString();
    }
}
