package io.gatehouse.account;

import io.gatehouse.UnitOfWork;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.mail.MailAddress;
import io.gatehouse.mail.template.MailContent;
import io.gatehouse.mail.template.MailTemplates;
import io.gatehouse.outbox.MailOutbox;
import io.gatehouse.throttle.ThrottleStore;
import io.gatehouse.token.UserIdCodec;
import io.gatehouse.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How the account services queue their mail: the {@link MailOutbox}, the {@link UnitOfWork} a state change and
 * its mail share, the {@link AccountFlowSettings} that say how links and mails look, and the per-address
 * cool-down. The {@link io.gatehouse.Gatehouse} facade builds one; an application wiring the services itself
 * calls {@link #create}. Immutable and thread-safe.
 *
 * <p>Mail is only ever queued, never sent here: a delivery worker sends from the outbox.
 */
public final class AccountMail {
    private final MailOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final @Nullable AccountFlowSettings settings;
    private final @Nullable MailCooldown cooldown;

    private AccountMail(MailOutbox outbox, UnitOfWork unitOfWork, ThrottleStore cooldowns, Clock clock,
            @Nullable AccountFlowSettings settings) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(cooldowns, "cooldowns");
        this.settings = settings;
        this.cooldown = settings == null ? null : new MailCooldown(cooldowns, settings.resendCooldown(), clock);
    }

    /**
     * Creates the mail side of the account services.
     *
     * @param outbox where mail is queued
     * @param unitOfWork the unit of work of the stores that also hold the outbox
     * @param cooldowns where the per-address cool-downs are counted; the login throttle's store will do
     * @param clock the clock
     * @param settings the links, sender and templates; {@code null} when the application does not use the
     *     mail flows, and then {@link Accounts} queues no notices and the flow services cannot be built
     * @return the mail side
     */
    public static AccountMail create(MailOutbox outbox, UnitOfWork unitOfWork, ThrottleStore cooldowns, Clock clock,
            @Nullable AccountFlowSettings settings) {
        return new AccountMail(outbox, unitOfWork, cooldowns, clock, settings);
    }

    /**
     * Whether the mail flows are configured.
     *
     * @return true when settings were given
     */
    public boolean configured() {
        return settings != null;
    }

    @Override
    public String toString() {
        return "AccountMail[outbox=" + outbox + ", settings=" + settings + "]";
    }

    AccountFlowSettings settings() {
        if (settings == null) {
            throw new IllegalStateException("The account mail flows are not configured: pass AccountFlowSettings "
                    + "with the site's base URL and the sender to Gatehouse.Builder.accountFlows.");
        }
        return settings;
    }

    MailTemplates templates() {
        return settings().templates();
    }

    MailCooldown cooldown() {
        settings();
        return Objects.requireNonNull(cooldown, "cooldown");
    }

    <T> T inTransaction(Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }

    /** The current time to the millisecond, the precision every store keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Queues a mail about {@code user} to {@code to}; call it inside the unit of work of the state change. */
    void queue(User user, String to, MailContent content) {
        EmailMessage message = EmailMessage.builder()
                .from(settings().from())
                .to(MailAddress.of(to))
                .subject(content.subject())
                .text(content.text())
                .html(content.html())
                .build();
        outbox.enqueue(message, user.id(), now());
    }

    /** Drops the unsent mail about a user; call it inside the unit of work that deletes the user. */
    int deleteUnsent(long userId) {
        return outbox.deleteUnsent(userId);
    }

    /** A link with a user id and token, from the base URL and a token path. */
    String link(String pathTemplate, long userId, String token) {
        return settings().baseUrl() + pathTemplate.replace(LinkPaths.UID, UserIdCodec.encode(userId))
                .replace(LinkPaths.TOKEN, token);
    }

    /** A link to a page without parameters. */
    String page(String path) {
        return settings().baseUrl() + path;
    }

    LinkPaths paths() {
        return settings().paths();
    }
}
