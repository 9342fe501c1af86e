package io.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.testing.ReadmeBlocks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class QuickStartTest {
    @Test
    void readmeQuickStartIsTheCodeThatRuns() {
        assertThat(ReadmeBlocks.assertReadmeShows(Path.of("src/main/java/io/gatehouse/examples/QuickStart.java")))
                .isEqualTo(1);
    }

    @Test
    void quickStartLogsInChecksPermissionsAndLogsOut() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "alice may change posts: true, delete posts: false",
                "after logout the session resolves: false");
    }
}
