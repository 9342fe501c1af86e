package io.gatehouse.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.guard.Guard.OnDenied;
import io.gatehouse.permission.Authorizer;
import io.gatehouse.permission.Group;
import io.gatehouse.permission.InMemoryPermissionStore;
import io.gatehouse.permission.Permission;
import io.gatehouse.permission.PermissionStore;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuardTest {
    private static final Permission CHANGE_POST = Permission.of("blog.change_post");
    private static final String PATH = "/posts/7/edit?draft=1";
    private static final String LOGIN = "/accounts/login/?next=%2Fposts%2F7%2Fedit%3Fdraft%3D1";

    private final PermissionStore store = new InMemoryPermissionStore();
    private final Authorizer authorizer = new Authorizer(store);
    private final Map<String, Subject> subjects;
    private final Map<String, Guard> guards = Map.of(
            "login", Guard.loginRequired(),
            "perm", Guard.permissionRequired(CHANGE_POST),
            "staff", Guard.staffRequired());

    GuardTest() {
        authorizer.registerResource("blog", "post");
        Group editors = store.createGroup("editors");
        store.grantToGroup(editors.id(), CHANGE_POST);
        store.addToGroup(5, editors.id());
        store.grantToUser(2, CHANGE_POST);
        store.grantToUser(4, CHANGE_POST);
        subjects = Map.of(
                "anonymous", Subject.anonymous(),
                "inactive", authorizer.subjectOf(user(2, false, true, true)),
                "active", authorizer.subjectOf(user(3, true, false, false)),
                "granted", authorizer.subjectOf(user(4, true, false, false)),
                "group", authorizer.subjectOf(user(5, true, false, false)),
                "staff", authorizer.subjectOf(user(6, true, true, false)),
                "superuser", authorizer.subjectOf(user(7, true, false, true)));
    }

    /**
     * Each guard against each kind of subject. R = redirect to login, F = forbidden, U = unauthorized, A = allow;
     * columns: default (forbid) config, redirect config, and a non-interactive (JSON) client.
     */
    @ParameterizedTest(name = "{0} x {1}: {2} / {3} / api {4}")
    @CsvSource({
        "login, anonymous, R, R, U", "login, inactive, R, R, U", "login, active, A, A, A",
        "login, granted, A, A, A", "login, group, A, A, A", "login, staff, A, A, A", "login, superuser, A, A, A",
        "perm, anonymous, R, R, U", "perm, inactive, R, R, U", "perm, active, F, R, F",
        "perm, granted, A, A, A", "perm, group, A, A, A", "perm, staff, F, R, F", "perm, superuser, A, A, A",
        "staff, anonymous, R, R, U", "staff, inactive, R, R, U", "staff, active, F, R, F",
        "staff, granted, F, R, F", "staff, group, F, R, F", "staff, staff, A, A, A", "staff, superuser, F, R, F"})
    void decisionMatrix(String guardName, String subjectName, char forbidConfig, char redirectConfig, char api) {
        Guard guard = guards.get(guardName);
        Subject subject = subjects.get(subjectName);

        assertThat(code(guard.decide(subject, PATH))).isEqualTo(forbidConfig);
        assertThat(code(guard.onDenied(OnDenied.REDIRECT_TO_LOGIN).decide(subject, PATH))).isEqualTo(redirectConfig);
        assertThat(code(guard.decide(subject, PATH, false))).isEqualTo(api);
        assertThat(code(guard.onDenied(OnDenied.REDIRECT_TO_LOGIN).decide(subject, PATH, false))).isEqualTo(api);
    }

    @Test
    void anonymousIsSentToLoginWithTheRequestedPathAsNext() {
        assertThat(Guard.loginRequired().decide(Subject.anonymous(), PATH))
                .isEqualTo(new GuardDecision.RedirectToLogin(LOGIN));
    }

    @Test
    void configuredLoginUrlIsUsed() {
        Guard guard = Guard.staffRequired().withLogin(LoginRedirects.to("/admin/login/"));

        assertThat(guard.decide(Subject.anonymous(), "/admin/"))
                .isEqualTo(new GuardDecision.RedirectToLogin("/admin/login/?next=%2Fadmin%2F"));
    }

    @Test
    void attackRequestedPathWithDoubleSlashCannotBecomeAnOpenRedirect() {
        GuardDecision decision = Guard.loginRequired().decide(Subject.anonymous(), "//evil.com/x");

        assertThat(decision).isEqualTo(new GuardDecision.RedirectToLogin("/accounts/login/?next=%2Fevil.com%2Fx"));
    }

    @Test
    void permissionRequiredNeedsEveryPermission() {
        store.register(Permission.defaultsFor("blog", "comment"));
        Guard both = Guard.permissionRequired(CHANGE_POST, Permission.of("blog.change_comment"));

        assertThat(both.decide(subjects.get("granted"), PATH)).isInstanceOf(GuardDecision.Forbidden.class);
        assertThat(both.decide(subjects.get("superuser"), PATH).allowed()).isTrue();
    }

    @Test
    void permissionRequiredWithoutPermissionsIsAProgrammingError() {
        assertThatThrownBy(Guard::permissionRequired).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loginRequired()");
    }

    @Test
    void allOfStopsAtTheFirstFailingPartWithThatPartsSettings() {
        Guard adminEdit = Guard.allOf(
                Guard.staffRequired().withLogin(LoginRedirects.to("/admin/login/"))
                        .onDenied(OnDenied.REDIRECT_TO_LOGIN),
                Guard.permissionRequired(CHANGE_POST));

        assertThat(adminEdit.decide(subjects.get("active"), "/admin/x"))
                .isEqualTo(new GuardDecision.RedirectToLogin("/admin/login/?next=%2Fadmin%2Fx"));
        assertThat(adminEdit.decide(subjects.get("staff"), "/admin/x")).isInstanceOf(GuardDecision.Forbidden.class);
        Subject staffEditor = authorizer.subjectOf(user(5, true, true, false));
        assertThat(adminEdit.decide(staffEditor, "/admin/x").allowed()).isTrue();
    }

    @Test
    void settingsOnACombinedGuardApplyToEveryPart() {
        Guard combined = Guard.allOf(Guard.staffRequired(), Guard.permissionRequired(CHANGE_POST))
                .onDenied(OnDenied.REDIRECT_TO_LOGIN).withLogin(LoginRedirects.to("/in"));

        assertThat(combined.decide(subjects.get("active"), "/x"))
                .isEqualTo(new GuardDecision.RedirectToLogin("/in?next=%2Fx"));
    }

    @Test
    void guardsAreImmutable() {
        Guard guard = Guard.permissionRequired(CHANGE_POST);
        guard.onDenied(OnDenied.REDIRECT_TO_LOGIN);

        assertThat(guard.decide(subjects.get("active"), PATH)).isInstanceOf(GuardDecision.Forbidden.class);
        assertThat(guard.toString()).contains("blog.change_post", "FORBIDDEN");
    }

    private static char code(GuardDecision decision) {
        if (decision instanceof GuardDecision.RedirectToLogin redirect) {
            assertThat(redirect.location()).isEqualTo(LOGIN);
            return 'R';
        }
        if (decision instanceof GuardDecision.Forbidden) {
            return 'F';
        }
        if (decision instanceof GuardDecision.Unauthorized) {
            return 'U';
        }
        assertThat(decision.allowed()).isTrue();
        return 'A';
    }

    private static User user(long id, boolean active, boolean staff, boolean superuser) {
        return UserBuilder.create("user" + id, "user" + id + "@example.com", "!unusable",
                        Instant.parse("2026-01-01T00:00:00Z"))
                .active(active).staff(staff).superuser(superuser).build().withId(id);
    }
}
