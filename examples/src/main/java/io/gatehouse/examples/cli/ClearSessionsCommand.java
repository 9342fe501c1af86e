package io.gatehouse.examples.cli;

import io.gatehouse.Gatehouse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code gatehouse clearsessions}: deletes expired sessions (Django's {@code clearsessions}). */
@Command(name = "clearsessions", mixinStandardHelpOptions = true,
        description = {
            "Deletes every session past its absolute expiry and prints how many it removed.",
            "Run it from cron, e.g. daily. Sessions that only sat idle too long end when next used."
        })
final class ClearSessionsCommand implements Callable<Integer> {
    @ParentCommand
    private GatehouseCli cli;

    @Override
    public Integer call() {
        try (Database database = cli.openDatabase()) {
            database.requireSchema();
            Gatehouse gatehouse = database.gatehouse(cli.secretKey(), cli.context().clock(), cli.context().random());
            int removed = gatehouse.sessions().clearExpired();
            cli.context().out().println("Removed " + removed + " expired session" + (removed == 1 ? "" : "s") + ".");
        }
        return Exit.OK;
    }
}
