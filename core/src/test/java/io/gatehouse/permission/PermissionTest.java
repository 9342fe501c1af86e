package io.gatehouse.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PermissionTest {
    @ParameterizedTest
    @ValueSource(strings = {"blog.change_post", "a.b", "auth2.view_user2", "my_app.do_x_1"})
    void validNamesParse(String name) {
        assertThat(Permission.of(name).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Blog.change_post", "blog.Change_post", "blog.change post", " blog.view_post",
        "blogchange_post", "blog.change.post", "1blog.view_post", "blog.1view", "_blog.view", ".view_post",
        "blog.", "", "blog.change-post", "blög.view_post", "blog.view_post\n"})
    void invalidNamesAreRefusedNamingPermission(String name) {
        assertThatThrownBy(() -> Permission.of(name))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("permission");
                    assertThat(e.code()).isEqualTo("permission_invalid");
                });
    }

    @Test
    void lengthBoundaryIs255() {
        String at = "a." + "b".repeat(Permission.MAX_LENGTH - 2);
        String over = at + "b";

        assertThat(Permission.of(at).name()).hasSize(255);
        assertThatThrownBy(() -> Permission.of(over)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void attackControlCharactersAreNotEchoedRawInTheMessage() {
        String hostile = "blog.view\u001b[31m\r\nFAKE LOG LINE\u009b2J\u202e\u2028\u0000";

        assertThatThrownBy(() -> Permission.of(hostile))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("\u001b", "\r", "\n", "\u009b", "\u202e", "\u2028", "\u0000")
                        .contains("blog.view?[31m??FAKE LOG LINE?2J"));
    }

    @Test
    void longInvalidNamesAreCutInTheMessageWithoutSplittingSurrogates() {
        String hostile = "blog." + "\uD83D\uDE00".repeat(200);

        assertThatThrownBy(() -> Permission.of(hostile))
                .satisfies(e -> assertThat(e.getMessage()).contains("...").doesNotContainPattern(
                        "[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])"));
    }

    @Test
    void appAndCodenameSplitAtTheDot() {
        Permission p = Permission.of("blog.change_post");

        assertThat(p.app()).isEqualTo("blog");
        assertThat(p.codename()).isEqualTo("change_post");
        assertThat(p).hasToString("blog.change_post");
    }

    @Test
    void defaultsForGivesDjangosFourActionsInOrder() {
        assertThat(Permission.defaultsFor("blog", "post")).extracting(Permission::name)
                .containsExactly("blog.add_post", "blog.change_post", "blog.delete_post", "blog.view_post");
        assertThatThrownBy(() -> Permission.defaultsFor("Blog", "post")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void permissionsSortByName() {
        assertThat(Permission.of("a.b")).isLessThan(Permission.of("a.c"));
    }
}
