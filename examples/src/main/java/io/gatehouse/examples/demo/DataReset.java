package io.gatehouse.examples.demo;

import io.gatehouse.examples.config.DemoSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --reset}: deletes the demo's H2 database files ({@code gatehouse.mv.db}, {@code .trace.db} and the
 * like) from the data directory, so the demo starts with an empty database. The secret key file stays: the
 * command-line tool shares it, and nothing signed with it outlives the database anyway.
 */
final class DataReset {
    private DataReset() {
    }

    /**
     * Deletes the database files.
     *
     * @return the files deleted
     * @throws IllegalStateException when the settings name another database, which the demo never deletes
     */
    static List<Path> deleteDatabase(DemoSettings settings) {
        Path dir = settings.dataDir();
        String embedded = "jdbc:h2:file:" + dir.resolve("gatehouse");
        if (!settings.databaseUrl().startsWith(embedded + ";") && !settings.databaseUrl().equals(embedded)) {
            throw new IllegalStateException("--reset only deletes the demo's own H2 database in " + dir
                    + "; gatehouse.db.url names another database. Drop its gatehouse_ tables yourself.");
        }
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return deleted;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "gatehouse.*")) {
            for (Path file : files) {
                if (file.getFileName().toString().endsWith(".db") && Files.deleteIfExists(file)) {
                    deleted.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the demo database in " + dir + ".", e);
        }
        return deleted;
    }
}
