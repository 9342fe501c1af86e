package io.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitOfWorkTest {
    @Test
    void noneRunsTheWorkOnceAndReturnsItsResult() {
        List<String> ran = new ArrayList<>();

        String result = UnitOfWork.none().inTransaction(() -> {
            ran.add("work");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(ran).containsExactly("work");
    }

    @Test
    void runRunsTheWorkAndPassesItsFailureOn() {
        List<String> ran = new ArrayList<>();
        UnitOfWork.none().run(() -> ran.add("work"));

        assertThat(ran).containsExactly("work");
        assertThatThrownBy(() -> UnitOfWork.none().run(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }
}
