package io.gatehouse.examples.demo;

import io.gatehouse.examples.config.DemoSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/** Starts the demo for a test: free ports, a data directory of the test's own, no outside settings. */
final class RunningDemo {
    static final String PASSWORD = "correct horse battery staple";

    private RunningDemo() {
    }

    static DemoSettings settings(Path dataDir) {
        Properties properties = new Properties();
        properties.setProperty("gatehouse.data.dir", dataDir.toString());
        properties.setProperty("gatehouse.http.port", "0");
        properties.setProperty("gatehouse.inbox.port", "0");
        // The environment is left out on purpose: a GATEHOUSE_SMTP_* variable on the machine must not send mail.
        return DemoSettings.from(properties, java.util.Map.of());
    }

    static DemoApp start(Path dataDir) {
        return DemoApp.start(settings(dataDir), false);
    }

    /** Waits (up to 20 s) for a mail the outbox worker delivers to the embedded inbox. */
    static EmbeddedInbox.Mail awaitMail(DemoApp demo, Predicate<EmbeddedInbox.Mail> wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            List<EmbeddedInbox.Mail> mails = demo.inbox().mails();
            for (EmbeddedInbox.Mail mail : mails) {
                if (wanted.test(mail)) {
                    return mail;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for mail.", e);
            }
        }
        throw new AssertionError("No such mail arrived within 20 s; the inbox holds " + demo.inbox().mails());
    }
}
