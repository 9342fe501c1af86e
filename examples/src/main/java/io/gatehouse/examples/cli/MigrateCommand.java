package io.gatehouse.examples.cli;

import io.gatehouse.jdbc.SchemaInstaller;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gatehouse migrate}: installs or upgrades the Gatehouse tables. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {
            "Installs the Gatehouse tables, or upgrades them to the version this tool knows.",
            "Safe to run again, and while the demo runs. The other database commands need it first."
        })
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    private GatehouseCli cli;

    @Override
    public Integer call() {
        try (Database database = cli.openDatabase()) {
            List<Integer> applied = database.migrate();
            database.requireSchema();
            if (applied.isEmpty()) {
                cli.context().out().println("The schema in " + database.shownUrl() + " is up to date (version "
                        + SchemaInstaller.latestVersion() + ").");
            } else {
                cli.context().out().println("Applied schema version" + (applied.size() == 1 ? " " : "s ")
                        + applied.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " to "
                        + database.shownUrl() + ".");
            }
        }
        return Exit.OK;
    }
}
