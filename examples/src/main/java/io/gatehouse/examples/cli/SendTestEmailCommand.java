package io.gatehouse.examples.cli;

import io.gatehouse.InvalidInputException;
import io.gatehouse.examples.config.DemoSettings;
import io.gatehouse.smtp.SmtpMailer;
import io.gatehouse.smtp.SmtpSecurity;
import io.gatehouse.smtp.SmtpSettings;
import io.gatehouse.smtp.SmtpTestResult;
import io.gatehouse.user.EmailAddress;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code gatehouse sendtestemail ADDRESS}: sends one mail through the configured SMTP server and prints its answer
 * (Django's {@code sendtestemail}).
 */
@Command(name = "sendtestemail", mixinStandardHelpOptions = true,
        description = {
            "Sends a test mail through the SMTP server of the settings and prints the server's answer.",
            "Without gatehouse.smtp.* settings the mail goes to the demo's inbox on 127.0.0.1:2525",
            "(gatehouse.inbox.port), which listens while the demo runs."
        })
final class SendTestEmailCommand implements Callable<Integer> {
    @ParentCommand
    private GatehouseCli cli;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "The recipient, e.g. you@example.com.")
    private String address = "";

    @Override
    public Integer call() {
        CliContext context = cli.context();
        DemoSettings settings = cli.settings();
        SmtpSettings smtp = settings.smtp();
        if (smtp.defaultFrom().isEmpty() && !smtp.username().map(EmailAddress::isValid).orElse(false)) {
            throw new CliException(Exit.CONFIG, "The test mail has no sender: set gatehouse.smtp.from "
                    + "(GATEHOUSE_SMTP_FROM), e.g. 'Gatehouse <no-reply@example.com>'.");
        }
        if (!EmailAddress.isValid(address)) {
            try {
                EmailAddress.validate(address, "recipient");
            } catch (InvalidInputException e) {
                throw new CliException(Exit.USAGE, e.getMessage() + " (ADDRESS)", e);
            }
        }
        if (smtp.security() == SmtpSecurity.NONE && smtp.username().isPresent()) {
            context.err().println("Warning: gatehouse.smtp.security is none, so the SMTP password crosses the network "
                    + "to " + smtp.endpoint() + " unencrypted.");
        }
        SmtpTestResult result = SmtpMailer.create(smtp, context.clock()).sendTestMail(address);
        PrintWriter out = context.out();
        if (result.ok()) {
            out.println(result.summary());
            out.println("Server's answer: " + result.serverReply());
            out.println("Message-ID: " + result.messageId());
            return Exit.OK;
        }
        StringBuilder message = new StringBuilder(result.summary());
        if (!result.serverReply().isEmpty()) {
            message.append(" Server's answer: ").append(result.serverReply());
        }
        if (!settings.usesExternalSmtp()) {
            message.append(" Without gatehouse.smtp.* settings, mail goes to the demo's inbox on ")
                    .append(smtp.endpoint()).append(": start the demo, or configure an SMTP server (see --help).");
        }
        throw new CliException(Exit.SMTP, message.toString());
    }
}
