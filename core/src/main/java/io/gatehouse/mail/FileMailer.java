package io.gatehouse.mail;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes each message as an {@code .eml} file into a folder, like Django's file backend; mail clients open
 * such files directly. The folder is created when missing. A file is named from the time, a sequence number
 * and the Message-ID reduced to letters, digits, {@code -} and {@code _}, so no Message-ID can place a file
 * outside the folder; it is written to a temporary file and moved into place, so a reader never sees half a
 * message.
 *
 * <pre>{@code
 * Mailer mailer = FileMailer.create(Path.of("build/mail"), Clock.systemUTC());
 * }</pre>
 *
 * <p>Thread-safe. For development only: the files hold the bodies, links and tokens included.
 */
public final class FileMailer implements Mailer {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final int MAX_ID_IN_NAME = 80;

    private final Path folder;
    private final Clock clock;
    private final MimeWriter writer;
    private final AtomicLong sequence = new AtomicLong();

    private FileMailer(Path folder, Clock clock) {
        this.folder = folder.toAbsolutePath().normalize();
        this.clock = clock;
        this.writer = new MimeWriter(clock, new SecureRandom());
    }

    /**
     * A mailer writing into a folder.
     *
     * @param folder the folder; created on the first send when missing
     * @param clock the source of Date headers and file names
     * @return the mailer
     */
    public static FileMailer create(Path folder, Clock clock) {
        return new FileMailer(Objects.requireNonNull(folder, "folder"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The folder the files go to.
     *
     * @return an absolute path
     */
    public Path folder() {
        return folder;
    }

    /**
     * Writes the message to a new file.
     *
     * @param message the message
     * @return {@code SENT}, with the file name as detail
     * @throws MailException when the folder cannot be created or written
     */
    @Override
    public SendOutcome send(EmailMessage message) {
        byte[] bytes = writer.write(Objects.requireNonNull(message, "message"));
        Path target = folder.resolve(fileName(message));
        if (!folder.equals(target.getParent())) {
            // Unreachable with the name reduced to safe characters; kept so a future change cannot regress.
            throw new IllegalStateException("A mail file name left the mail folder: " + target + ".");
        }
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".writing-", ".tmp");
            try {
                Files.write(temp, bytes);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (AccessDeniedException e) {
            throw new MailException("The file mailer may not write to " + folder
                    + "; grant write permission or configure another folder.", false, e);
        } catch (IOException e) {
            throw new MailException("The file mailer could not write " + target + " (" + e
                    + "); check the disk space and that " + folder + " is a writable folder.", true, e);
        }
        return SendOutcome.sent(message, "Written to " + target.getFileName() + ".");
    }

    private String fileName(EmailMessage message) {
        String id = message.messageId().replaceAll("[^A-Za-z0-9_-]", "_");
        if (id.length() > MAX_ID_IN_NAME) {
            id = id.substring(0, MAX_ID_IN_NAME);
        }
        return STAMP.format(clock.instant()) + "-" + sequence.incrementAndGet() + "-" + id + ".eml";
    }
}
