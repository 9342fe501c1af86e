package io.gatehouse.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.Gatehouse;
import io.gatehouse.permission.Permission;
import io.gatehouse.user.AdminUserUpdate;
import io.gatehouse.user.User;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin shows each staff user only what their permissions allow, and refuses forced requests with 403. */
class AdminPermissionsHttpTest {
    @TempDir
    static Path dataDir;
    static DemoApp demo;
    static Gatehouse gatehouse;
    static User support;
    static User plain;
    static User target;

    @BeforeAll
    static void start() {
        demo = RunningDemo.start(dataDir);
        gatehouse = demo.gatehouse();
        demo.createSuperuser("root", "root@example.com", RunningDemo.PASSWORD);
        support = staff("support", "auth.view_user", "auth.change_user");
        staff("viewer", "auth.view_user");
        staff("bare");
        plain = gatehouse.accounts().createUser("plain", "plain@example.com", RunningDemo.PASSWORD);
        target = gatehouse.accounts().createUser("target", "target@example.com", RunningDemo.PASSWORD);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static User staff(String name, String... permissions) {
        User user = gatehouse.accounts().createUser(name, name + "@example.com", RunningDemo.PASSWORD);
        user = gatehouse.accounts().updateFlags(user.id(), AdminUserUpdate.of(user).withStaff(true));
        for (String permission : permissions) {
            gatehouse.permissionStore().grantToUser(user.id(), Permission.of(permission));
        }
        return user;
    }

    private static DemoClient as(String username) {
        DemoClient client = new DemoClient(demo.baseUrl());
        assertThat(client.login(username, RunningDemo.PASSWORD).body()).contains("You are logged in.");
        return client;
    }

    @Test
    void staffSeeOnlyTheActionsTheirPermissionsAllow() {
        String page = as("support").get("/admin/users").body();

        assertThat(page).contains("value=\"activate\"").contains("value=\"deactivate\"")
                .doesNotContain("value=\"delete\"").doesNotContain("value=\"grant_permission\"")
                .doesNotContain("value=\"add_to_group\"").doesNotContain("id=\"permission\"");
    }

    @Test
    void aSuperuserSeesEveryActionAndSection() {
        DemoClient root = as("root");
        assertThat(root.get("/admin/users").body()).contains("value=\"activate\"", "value=\"deactivate\"",
                "value=\"delete\"", "value=\"grant_permission\"", "value=\"add_to_group\"");
        assertThat(root.get("/admin").body()).contains("id=\"admin-users\"", "id=\"admin-groups\"",
                "id=\"admin-permissions\"");
    }

    @Test
    void aForcedActionWithoutItsPermissionIsRefusedAndChangesNothing() {
        DemoClient client = as("support");
        client.get("/admin/users");

        HttpResponse<String> delete = client.post("/admin/users/action", "action", "delete",
                "ids", Long.toString(plain.id()));
        HttpResponse<String> grant = client.post("/admin/users/action", "action", "grant_permission",
                "permission", "demo.view_report", "ids", Long.toString(plain.id()));

        assertThat(delete.statusCode()).isEqualTo(403);
        assertThat(delete.body()).contains("Permission denied");
        assertThat(grant.statusCode()).isEqualTo(403);
        assertThat(gatehouse.users().findById(plain.id())).isPresent();
        assertThat(gatehouse.permissionStore().directPermissions(plain.id())).isEmpty();
    }

    @Test
    void anAllowedActionRunsAndSaysHowManyUsersItChanged() {
        DemoClient client = as("support");
        client.get("/admin/users");

        HttpResponse<String> done = client.post("/admin/users/action", "action", "deactivate",
                "ids", Long.toString(target.id()), "back", "/admin/users?q=target");

        assertThat(done.headers().firstValue("Location")).hasValue("/admin/users?q=target");
        assertThat(client.follow(done).body()).contains("1 user deactivated.");
        assertThat(gatehouse.users().findById(target.id()).orElseThrow().active()).isFalse();
        client.post("/admin/users/action", "action", "activate", "ids", Long.toString(target.id()));
        assertThat(gatehouse.users().findById(target.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void aStaffUserWhoIsNotSuperuserCannotTouchASuperuserNorThemselves() {
        DemoClient client = as("support");
        client.get("/admin/users");
        long root = gatehouse.users().findByUsername("root").orElseThrow().id();

        HttpResponse<String> done = client.post("/admin/users/action", "action", "deactivate",
                "ids", Long.toString(root), "ids", Long.toString(support.id()));

        assertThat(client.follow(done).body()).contains("No users were deactivated.");
        assertThat(gatehouse.users().findById(root).orElseThrow().active()).isTrue();
        assertThat(gatehouse.users().findById(support.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void staffWithoutViewPermissionGet403AndNonStaffGet403() {
        assertThat(as("bare").get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(as("bare").get("/admin").body()).contains("hold no admin permission");
        assertThat(as("viewer").get("/admin/groups").statusCode()).isEqualTo(403);
        DemoClient plainUser = as("plain");
        assertThat(plainUser.get("/admin").statusCode()).isEqualTo(403);
        assertThat(plainUser.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(plainUser.get("/").body()).doesNotContain("href=\"/admin\"");
    }

    @Test
    void aViewerSeesTheListButNoActions() {
        String page = as("viewer").get("/admin/users").body();

        assertThat(page).contains("id=\"users\"").contains("target@example.com").doesNotContain("id=\"action\"");
    }

    @Test
    void anonymousVisitorsOfTheAdminAreSentToLogIn() {
        HttpResponse<String> response = new DemoClient(demo.baseUrl()).get("/admin/users");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/login?next=%2Fadmin%2Fusers");
    }

    @Test
    void theListSearchesFiltersAndPages() {
        for (int i = 0; i < 25; i++) {
            gatehouse.accounts().createUser("bulk" + i, "bulk" + i + "@example.org", RunningDemo.PASSWORD);
        }
        DemoClient root = as("root");

        String search = root.get("/admin/users?q=BULK1").body();
        assertThat(search).contains("bulk1@example.org", "bulk10@example.org").doesNotContain("bulk2@example.org");
        String staffOnly = root.get("/admin/users?staff=yes").body();
        assertThat(staffOnly).contains("support@example.com").doesNotContain("plain@example.com");
        String first = root.get("/admin/users?q=example.org").body();
        assertThat(first).contains("25 users", "Page 1 of 2", "id=\"next\"");
        String second = root.get("/admin/users?q=example.org&page=2").body();
        assertThat(second).contains("Page 2 of 2", "id=\"prev\"").doesNotContain("id=\"next\"");
        // A % typed into the search is a character to find, not a wildcard.
        assertThat(root.get("/admin/users?q=%25").body()).contains("No users");
    }

    @Test
    void aSuperuserCreatesAGroupGrantsItAPermissionAndAddsUsers() {
        DemoClient root = as("root");
        root.get("/admin/groups");
        HttpResponse<String> created = root.post("/admin/groups", "name", "Analysts");
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(root.follow(created).body()).contains("The group was created.");
        long groupId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        root.post(location, "permissions", "demo.view_report");
        root.get("/admin/users");
        HttpResponse<String> added = root.post("/admin/users/action", "action", "add_to_group",
                "group", Long.toString(groupId), "ids", Long.toString(plain.id()));

        assertThat(root.follow(added).body()).contains("1 user added to the group.");
        assertThat(gatehouse.permissionStore().grantedPermissions(plain.id()))
                .contains(Permission.of("demo.view_report"));
        assertThat(as("plain").get("/reports").statusCode()).isEqualTo(200);
    }

    @Test
    void aSuperuserRegistersAPermission() {
        DemoClient root = as("root");
        root.get("/admin/permissions");

        assertThat(root.follow(root.post("/admin/permissions", "name", "demo.export_report")).body())
                .contains("The permission was registered.", "demo.export_report");
        assertThat(root.follow(root.post("/admin/permissions", "name", "Not A Permission")).body())
                .contains("A permission name looks like");
    }
}
