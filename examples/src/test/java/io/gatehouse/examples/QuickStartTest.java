package io.gatehouse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuickStartTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void readmeQuickStartIsTheCodeThatRuns() throws IOException {
        String readme = Files.readString(MODULE.resolveSibling("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## Quick start");
        int open = readme.indexOf("```java\n", section) + "```java\n".length();
        String readmeBlock = readme.substring(open, readme.indexOf("\n```", open));

        List<String> source = Files.readAllLines(
                MODULE.resolve("src/main/java/io/gatehouse/examples/QuickStart.java"), StandardCharsets.UTF_8);
        int start = indexOf(source, "README:start") + 1;
        int end = indexOf(source, "README:end");
        String programBlock = source.subList(start, end).stream()
                .map(line -> line.startsWith("        ") ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));

        assertThat(readmeBlock).isEqualTo(programBlock);
    }

    @Test
    void quickStartLogsInChecksPermissionsAndLogsOut() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "alice may change posts: true, delete posts: false",
                "after logout the session resolves: false");
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("Marker " + marker + " is missing from QuickStart.java.");
    }
}
