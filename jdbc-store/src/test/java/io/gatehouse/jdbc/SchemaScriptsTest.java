package io.gatehouse.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaScriptsTest {
    @Test
    void everyDialectHasTheSameFlywayNamedScriptsAndTheInstallerKnowsThemAll() throws Exception {
        List<String> reference = scripts(Dialect.H2);

        assertThat(reference).hasSize(SchemaInstaller.latestVersion()).allMatch(n -> n.matches("V[1-9][0-9]*__[a-z_]+\\.sql"));
        for (Dialect dialect : Dialect.values()) {
            assertThat(scripts(dialect)).as(dialect.folder()).isEqualTo(reference);
        }
    }

    @Test
    void statementsReplaceThePlaceholderAndDropComments() {
        for (Dialect dialect : Dialect.values()) {
            List<String> statements = SchemaInstaller.statements(dialect, 1, "auth_");

            assertThat(statements).as(dialect.folder()).isNotEmpty()
                    .allMatch(s -> s.startsWith("CREATE TABLE auth_") || s.startsWith("CREATE INDEX auth_"))
                    .noneMatch(s -> s.contains("${") || s.contains("--") || s.contains(";"));
            assertThat(statements).filteredOn(s -> s.startsWith("CREATE TABLE")).hasSize(DatabaseFixture.TABLES.size());
        }
    }

    @Test
    void everyIdentifierFitsPostgresqlsLimitWithTheLongestPrefix() {
        String longest = "p".repeat(JdbcSettings.MAX_PREFIX_LENGTH - 1) + "_";
        for (Dialect dialect : Dialect.values()) {
            for (String statement : SchemaInstaller.statements(dialect, 1, longest)) {
                for (String word : statement.split("[^A-Za-z0-9_]+")) {
                    assertThat(word.length()).as(word).isLessThanOrEqualTo(63);
                }
            }
        }
    }

    @Test
    void statementsOfAnUnknownVersionAreRefused() {
        assertThatThrownBy(() -> SchemaInstaller.statements(Dialect.H2, 0, "gatehouse_"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> SchemaInstaller.statements(Dialect.H2, SchemaInstaller.latestVersion() + 1, "gatehouse_"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> scripts(Dialect dialect) throws IOException, URISyntaxException {
        Path folder = Path.of(SchemaScriptsTest.class.getClassLoader().getResource("db/gatehouse/" + dialect.folder())
                .toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
