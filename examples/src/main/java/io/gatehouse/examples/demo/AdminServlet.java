package io.gatehouse.examples.demo;

import io.gatehouse.InvalidInputException;
import io.gatehouse.permission.Group;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.permission.Subject;
import io.gatehouse.servlet.ServletAuth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin index, groups ({@code /admin/groups}: create, grant permissions, delete) and permissions
 * ({@code /admin/permissions}: register new ones). Staff only; each page and each change takes its permission,
 * checked here on every request whatever the page showed.
 */
final class AdminServlet extends HttpServlet {
    private static final Pattern GROUP = Pattern.compile("/groups/([1-9][0-9]{0,17})(/delete)?");
    private static final long serialVersionUID = 1L;
    private final transient Web web;

    AdminServlet(Web web) {
        this.web = web;
    }

    /** A group in the list. */
    record GroupView(long id, String name, int permissionCount) {
    }

    /** A permission with whether the group holds it. */
    record Choice(String name, boolean granted) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        PermissionStore store = web.gatehouse().permissionStore();
        Subject subject = ServletAuth.subject(request);
        Matcher group = GROUP.matcher(path);
        if ("/".equals(path)) {
            if (web.allowAdmin(request, response, null)) {
                web.page(request, response, "admin-index", Map.of("canUsers", subject.hasPerm(BulkAction.VIEW_USER),
                        "canGroups", subject.hasPerm(BulkAction.VIEW_GROUP),
                        "canPermissions", subject.hasPerm(BulkAction.VIEW_PERMISSION)));
            }
        } else if ("/groups".equals(path)) {
            if (web.allowAdmin(request, response, BulkAction.VIEW_GROUP)) {
                List<GroupView> groups = store.groups().stream()
                        .map(g -> new GroupView(g.id(), g.name(), store.groupPermissions(g.id()).size())).toList();
                web.page(request, response, "admin-groups", Map.of("groups", groups,
                        "canAdd", subject.hasPerm(BulkAction.ADD_GROUP)));
            }
        } else if (group.matches() && group.group(2) == null) {
            if (web.allowAdmin(request, response, BulkAction.VIEW_GROUP)) {
                showGroup(request, response, Long.parseLong(group.group(1)), subject);
            }
        } else if ("/permissions".equals(path)) {
            if (web.allowAdmin(request, response, BulkAction.VIEW_PERMISSION)) {
                web.page(request, response, "admin-permissions", Map.of("permissions",
                        store.registered().stream().map(Permission::name).toList(),
                        "canAdd", subject.hasPerm(BulkAction.ADD_PERMISSION)));
            }
        } else {
            web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        PermissionStore store = web.gatehouse().permissionStore();
        Matcher group = GROUP.matcher(path);
        if ("/groups".equals(path)) {
            if (web.allowAdmin(request, response, BulkAction.ADD_GROUP)) {
                try {
                    Group created = store.createGroup(Web.param(request, "name").strip());
                    web.redirect(response, "/admin/groups/" + created.id(), "ok.group_created");
                } catch (InvalidInputException e) {
                    web.redirect(response, "/admin/groups", "err.group_invalid");
                }
            }
        } else if (group.matches() && group.group(2) == null) {
            if (web.allowAdmin(request, response, BulkAction.CHANGE_GROUP)) {
                saveGroup(request, response, Long.parseLong(group.group(1)));
            }
        } else if (group.matches()) {
            if (web.allowAdmin(request, response, BulkAction.DELETE_GROUP)) {
                store.deleteGroup(Long.parseLong(group.group(1)));
                web.redirect(response, "/admin/groups", "ok.group_deleted");
            }
        } else if ("/permissions".equals(path)) {
            if (web.allowAdmin(request, response, BulkAction.ADD_PERMISSION)) {
                try {
                    store.register(List.of(Permission.of(Web.param(request, "name").strip())));
                    web.redirect(response, "/admin/permissions", "ok.permission_registered");
                } catch (InvalidInputException e) {
                    web.redirect(response, "/admin/permissions", "err.permission_invalid");
                }
            }
        } else {
            web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void showGroup(HttpServletRequest request, HttpServletResponse response, long id, Subject subject)
            throws IOException {
        PermissionStore store = web.gatehouse().permissionStore();
        Optional<Group> group = store.groups().stream().filter(g -> g.id() == id).findFirst();
        if (group.isEmpty()) {
            web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Set<Permission> granted = store.groupPermissions(id);
        List<Choice> choices = store.registered().stream()
                .map(p -> new Choice(p.name(), granted.contains(p))).toList();
        web.page(request, response, "admin-group", Map.of("group", group.get(), "choices", choices,
                "canChange", subject.hasPerm(BulkAction.CHANGE_GROUP),
                "canDelete", subject.hasPerm(BulkAction.DELETE_GROUP)));
    }

    private void saveGroup(HttpServletRequest request, HttpServletResponse response, long id) throws IOException {
        PermissionStore store = web.gatehouse().permissionStore();
        if (store.groups().stream().noneMatch(g -> g.id() == id)) {
            web.error(request, response, HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String[] values = request.getParameterValues("permissions");
        Set<String> wanted = new HashSet<>(values == null ? List.of() : Arrays.asList(values));
        Set<Permission> granted = store.groupPermissions(id);
        for (Permission permission : store.registered()) {
            boolean want = wanted.contains(permission.name());
            if (want && !granted.contains(permission)) {
                store.grantToGroup(id, permission);
            } else if (!want && granted.contains(permission)) {
                store.revokeFromGroup(id, permission);
            }
        }
        web.redirect(response, "/admin/groups/" + id, "ok.group_saved");
    }
}
