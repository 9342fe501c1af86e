package io.gatehouse.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.InvalidInputException;
import org.junit.jupiter.api.Test;

class GroupTest {
    @Test
    void nameOf150CodePointsIsAcceptedAnd151Refused() {
        assertThat(Group.checkName("g".repeat(150))).hasSize(150);
        assertThatThrownBy(() -> Group.checkName("g".repeat(151)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.code()).isEqualTo("group_name_too_long");
                });
    }

    @Test
    void lengthCountsCodePointsNotCharsSoEmojiNamesGetTheFullLimit() {
        String emoji = "\uD83D\uDE00";

        assertThat(Group.checkName(emoji.repeat(150))).isNotNull();
        assertThatThrownBy(() -> Group.checkName(emoji.repeat(151))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void blankAndControlCharacterNamesAreRefused() {
        assertThatThrownBy(() -> Group.checkName(" \t"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("group_name_blank"));
        assertThatThrownBy(() -> Group.checkName("editors\r\nadmins"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo("group_name_invalid_character"));
    }

    @Test
    void idMustBePositive() {
        assertThatThrownBy(() -> new Group(0, "editors")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Group(1, "editors").name()).isEqualTo("editors");
    }
}
