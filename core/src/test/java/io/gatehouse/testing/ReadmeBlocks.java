package io.gatehouse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Test support that ties the README's code to code a test compiles and runs. A test marks a region of its own
 * source with a {@code // README:start} line and a {@code // README:end} line; {@link #assertReadmeShows} checks
 * that every such region, dedented, is exactly the text of a fenced {@code java} block of the repository's
 * {@code README.md}. So a README example can change only together with the test that runs it.
 *
 * <pre>{@code
 * ReadmeBlocks.assertReadmeShows(Path.of("src/test/java/io/gatehouse/smtp/SmtpReadmeTest.java"));
 * }</pre>
 *
 * <p>Paths are relative to the module directory, which is the working directory of a Maven test run; the
 * README is {@code ../README.md} from there.
 */
public final class ReadmeBlocks {
    /** The marker that opens a region; the rest of its line is ignored. */
    public static final String START = "README:start";
    /** The marker that closes a region. */
    public static final String END = "README:end";

    private ReadmeBlocks() {
    }

    /**
     * The repository's README, seen from a module directory.
     *
     * @return the path of {@code ../README.md}
     */
    public static Path readme() {
        return Path.of("..", "README.md");
    }

    /**
     * The bodies of the fenced code blocks of one language in a Markdown text, in order. A block opens with a
     * line that is exactly three backticks and the language, and closes with a line of three backticks.
     *
     * @param markdown the Markdown text
     * @param language e.g. {@code java} or {@code properties}
     * @return each block's lines joined with {@code \n}, without the fences
     * @throws AssertionError when a block is not closed
     */
    public static List<String> codeBlocks(String markdown, String language) {
        Objects.requireNonNull(markdown, "markdown");
        String open = "```" + Objects.requireNonNull(language, "language");
        List<String> blocks = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).equals(open)) {
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).equals("```")) {
                close++;
            }
            if (close == lines.size()) {
                throw new AssertionError("The " + language + " block opened on line " + (i + 1) + " is not closed.");
            }
            blocks.add(String.join("\n", lines.subList(i + 1, close)));
            i = close;
        }
        return blocks;
    }

    /**
     * The fenced code blocks of one language in the repository's README.
     *
     * @param language e.g. {@code java}
     * @return the blocks' bodies, in order
     */
    public static List<String> readmeBlocks(String language) {
        return codeBlocks(read(readme()), language);
    }

    /**
     * The regions of a source file between {@code // README:start} and {@code // README:end} comment lines, each
     * dedented by the indentation its lines share; blank lines become empty.
     *
     * @param source a source file
     * @return the regions, in order, their lines joined with {@code \n}
     * @throws AssertionError when the file has no region, or a marker without its partner
     */
    public static List<String> markedRegions(Path source) {
        List<String> lines = read(source).lines().toList();
        List<String> regions = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("// " + START)) {
                if (start >= 0) {
                    throw new AssertionError(source + ": " + START + " on line " + (i + 1) + " inside a region.");
                }
                start = i + 1;
            } else if (line.startsWith("// " + END)) {
                if (start < 0) {
                    throw new AssertionError(source + ": " + END + " on line " + (i + 1) + " without a start.");
                }
                regions.add(dedent(lines.subList(start, i)));
                start = -1;
            }
        }
        if (start >= 0) {
            throw new AssertionError(source + ": the region opened on line " + start + " is not closed.");
        }
        if (regions.isEmpty()) {
            throw new AssertionError(source + " has no " + START + " / " + END + " region.");
        }
        return regions;
    }

    /**
     * Asserts that every marked region of a source file is, character for character after dedenting, a
     * {@code java} block of the repository's README.
     *
     * @param source the test's source file, relative to the module directory
     * @return how many regions were checked (at least one)
     * @throws AssertionError naming the first region the README does not show
     */
    public static int assertReadmeShows(Path source) {
        List<String> blocks = readmeBlocks("java");
        List<String> regions = markedRegions(source);
        for (int i = 0; i < regions.size(); i++) {
            if (!blocks.contains(regions.get(i))) {
                throw new AssertionError("Region " + (i + 1) + " of " + source + " is not a ```java block of "
                        + readme() + " (every README example must be the code a test runs). The region reads:\n"
                        + regions.get(i));
            }
        }
        return regions.size();
    }

    /**
     * Asserts the other direction: every {@code java} block of the README is a marked region of some Java source
     * under the repository's modules ({@code ../<module>/src}), so no README example is left without the test
     * that runs it.
     *
     * @return how many blocks were checked
     * @throws AssertionError naming the first block no source marks
     */
    public static int assertEveryReadmeBlockIsMarkedCode() {
        List<String> regions = new ArrayList<>();
        Path repository = Path.of("..");
        try (Stream<Path> files = Files.walk(repository)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> repository.relativize(f).getNameCount() > 2
                            && repository.relativize(f).getName(1).toString().equals("src"))
                    .sorted().toList()) {
                if (read(file).lines().anyMatch(line -> line.strip().startsWith("// " + START))) {
                    regions.addAll(markedRegions(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the sources under " + repository.toAbsolutePath(), e);
        }
        List<String> blocks = readmeBlocks("java");
        for (String block : blocks) {
            if (!regions.contains(block)) {
                throw new AssertionError("This ```java block of " + readme() + " is not the marked code of any "
                        + "test or example; put it between // " + START + " and // " + END + " in the code that "
                        + "runs it:\n" + block);
            }
        }
        return blocks.size();
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
    }
}
