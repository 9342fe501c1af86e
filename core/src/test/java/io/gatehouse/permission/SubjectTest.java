package io.gatehouse.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectTest {
    private static final Permission VIEW_POST = Permission.of("blog.view_post");
    private static final Permission CHANGE_POST = Permission.of("blog.change_post");

    @Test
    void attackAnonymousHasNothingAndIsNotStaff() {
        Subject anonymous = Subject.anonymous();

        assertThat(anonymous.isAuthenticated()).isFalse();
        assertThat(anonymous.user()).isEmpty();
        assertThat(anonymous.isStaff()).isFalse();
        assertThat(anonymous.isSuperuser()).isFalse();
        assertThat(anonymous.hasPerm(VIEW_POST)).isFalse();
        assertThat(anonymous.hasPerm("blog.view_post")).isFalse();
        assertThat(anonymous.hasPerms(List.of())).isFalse();
        assertThat(anonymous.hasModulePerms("blog")).isFalse();
        assertThat(anonymous.grantedPermissions()).isEmpty();
        assertThat(anonymous).hasToString("Subject[anonymous]");
    }

    @Test
    void attackInactiveUserWithGrantsHasNothing() {
        Subject subject = Subject.of(TestUsers.inactive(1), Set.of(VIEW_POST));

        assertThat(subject.isAuthenticated()).isTrue();
        assertThat(subject.hasPerm(VIEW_POST)).isFalse();
        assertThat(subject.hasModulePerms("blog")).isFalse();
        assertThat(subject.grantedPermissions()).isEmpty();
    }

    @Test
    void attackInactiveStaffSuperuserIsNeitherStaffNorSuperuser() {
        Subject subject = Subject.of(TestUsers.inactiveSuperuser(1), Set.of());

        assertThat(subject.isStaff()).isFalse();
        assertThat(subject.isSuperuser()).isFalse();
        assertThat(subject.hasPerm(VIEW_POST)).isFalse();
    }

    @Test
    void activeUserHasExactlyItsGrants() {
        Subject subject = Subject.of(TestUsers.active(1), Set.of(VIEW_POST));

        assertThat(subject.hasPerm(VIEW_POST)).isTrue();
        assertThat(subject.hasPerm(CHANGE_POST)).isFalse();
        assertThat(subject.hasPerms(List.of(VIEW_POST, CHANGE_POST))).isFalse();
        assertThat(subject.hasModulePerms("blog")).isTrue();
        assertThat(subject.hasModulePerms("shop")).isFalse();
        assertThat(subject.isStaff()).isFalse();
    }

    @Test
    void activeSuperuserHasEveryPermissionWithoutGrants() {
        Subject subject = Subject.of(TestUsers.superuser(1), Set.of());

        assertThat(subject.hasPerm("shop.refund_order")).isTrue();
        assertThat(subject.hasModulePerms("anything")).isTrue();
        assertThat(subject.isSuperuser()).isTrue();
        assertThat(subject.isStaff()).isFalse();
    }

    @Test
    void grantedSetIsCopiedSoLaterChangesDoNotLeakIn() {
        Set<Permission> grants = new java.util.HashSet<>(Set.of(VIEW_POST));
        Subject subject = Subject.of(TestUsers.active(1), grants);

        grants.add(CHANGE_POST);

        assertThat(subject.hasPerm(CHANGE_POST)).isFalse();
    }

    @Test
    void toStringNamesTheUserButNoHash() {
        Subject subject = Subject.of(TestUsers.active(7), Set.of());

        assertThat(subject.toString()).contains("user7", "id=7").doesNotContain("unusable");
    }
}
