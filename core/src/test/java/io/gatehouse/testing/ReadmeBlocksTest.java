package io.gatehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeBlocksTest {
    @TempDir
    Path dir;

    @Test
    void codeBlocksAreTheBodiesOfFencesOfTheLanguageOnly() {
        String markdown = "# Title\n```java\nint a = 1;\n\n  int b = 2;\n```\ntext\n```properties\nx=1\n```\n"
                + "```java\nint c = 3;\n```\n";

        assertThat(ReadmeBlocks.codeBlocks(markdown, "java")).containsExactly("int a = 1;\n\n  int b = 2;",
                "int c = 3;");
        assertThat(ReadmeBlocks.codeBlocks(markdown, "properties")).containsExactly("x=1");
    }

    @Test
    void codeBlocksWhenAFenceIsNotClosedThenAnError() {
        assertThatThrownBy(() -> ReadmeBlocks.codeBlocks("```java\nint a;\n", "java"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("line 1 is not closed");
    }

    @Test
    void markedRegionsAreDedentedByTheirSharedIndentation() throws IOException {
        Path source = write("""
                class X {
                    void run() {
                        // README:start
                        if (ok) {
                            go();

                        }
                        // README:end
                        other();
                        // README:start
                        last();
                        // README:end
                    }
                }
                """);

        assertThat(ReadmeBlocks.markedRegions(source)).containsExactly("if (ok) {\n    go();\n\n}", "last();");
    }

    @Test
    void markedRegionsWhenMarkersAreMissingOrUnbalancedThenAnError() throws IOException {
        assertThatThrownBy(() -> ReadmeBlocks.markedRegions(write("class X {}\n")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("has no README:start");
        assertThatThrownBy(() -> ReadmeBlocks.markedRegions(write("// README:start\nx();\n")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("is not closed");
        assertThatThrownBy(() -> ReadmeBlocks.markedRegions(write("x();\n// README:end\n")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("without a start");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "Source", ".java");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
