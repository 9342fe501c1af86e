package io.gatehouse.jdbc;

import io.gatehouse.StoreException;
import io.gatehouse.mail.EmailMessage;
import io.gatehouse.outbox.MailOutbox;
import io.gatehouse.outbox.OutboxMail;
import io.gatehouse.outbox.OutboxMail.Status;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * {@link MailOutbox} on a SQL table, shared by every node. {@link #enqueue} joins the unit of work open on the
 * calling thread, so a message is stored if and only if the change that caused it commits. {@link #claim}
 * hands each message to one worker: PostgreSQL and MariaDB lock the due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent workers take disjoint rows without waiting; on H2 each row is
 * taken by a conditional {@code UPDATE} that names the claimable states in its {@code WHERE} clause, so of
 * two workers racing for a row exactly one changes it and the other claims nothing.
 */
final class JdbcMailOutbox implements MailOutbox {
    private static final String CLAIMABLE = "o.status IN ('PENDING', 'SENDING') AND o.next_attempt_at <= ?";
    private static final Comparator<Claimed> OLDEST_FIRST =
            Comparator.comparing(Claimed::dueAt).thenComparing(c -> c.mail().id());
    private static final int H2_CLAIM_ROUNDS = 5;
    /** How often a claim chosen as a deadlock victim is tried again before the failure is reported. */
    private static final int MAX_CLAIM_ATTEMPTS = 3;
    /** SQLStates of a transaction the database rolled back to break a deadlock or a serialization conflict. */
    private static final Set<String> ROLLED_BACK = Set.of("40001", "40P01");

    private final Db db;
    private final String insert;
    private final String find;
    private final String selectDue;
    private final String claimOneOnH2;
    private final String markSent;
    private final String markFailedRetry;
    private final String markFailedGiveUp;
    private final String deleteUnsent;
    private final String deleteFinished;

    JdbcMailOutbox(Db db) {
        this.db = Objects.requireNonNull(db, "db");
        insert = db.sql("INSERT INTO {p}outbox (user_id, status, attempts, created_at, next_attempt_at, "
                + MailRows.MESSAGE_COLUMNS + ") VALUES (:userId, 'PENDING', 0, :now, :now, " + MailRows.MESSAGE_VALUES
                + ")");
        find = db.sql("SELECT " + MailRows.COLUMNS + " FROM {p}outbox o WHERE o.id = ?");
        String due = "SELECT " + MailRows.COLUMNS + " FROM {p}outbox o WHERE " + CLAIMABLE
                + " ORDER BY o.next_attempt_at, o.id";
        selectDue = db.sql(switch (db.dialect()) {
            case POSTGRESQL, MARIADB -> due + " LIMIT ? FOR UPDATE SKIP LOCKED";
            case H2 -> due + " FETCH FIRST ? ROWS ONLY";
        });
        claimOneOnH2 = db.sql("UPDATE {p}outbox o SET status = 'SENDING', attempts = attempts + 1, "
                + "next_attempt_at = ? WHERE o.id = ? AND " + CLAIMABLE);
        markSent = db.sql("UPDATE {p}outbox SET status = 'SENT', next_attempt_at = ? WHERE id = ? AND status = 'SENDING'");
        markFailedRetry = db.sql("UPDATE {p}outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ? "
                + "WHERE id = ? AND status = 'SENDING'");
        markFailedGiveUp = db.sql("UPDATE {p}outbox SET status = 'FAILED', last_error = ? WHERE id = ? "
                + "AND status = 'SENDING'");
        deleteUnsent = db.sql("DELETE FROM {p}outbox WHERE user_id = ? AND status IN ('PENDING', 'SENDING')");
        deleteFinished = db.deleteBatch("outbox", "id", "status IN ('SENT', 'FAILED') AND created_at < ?", "id");
    }

    @Override
    public OutboxMail enqueue(EmailMessage message, @Nullable Long userId, Instant now) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(now, "now");
        long id = db.call("queueing a mail", handle -> {
            Update update = MailRows.bind(handle.createUpdate(insert), message).bind("now", now.toEpochMilli());
            if (userId == null) {
                update.bindNull("userId", Types.BIGINT);
            } else {
                update.bind("userId", userId.longValue());
            }
            return update.executeAndReturnGeneratedKeys(db.dialect() == Dialect.H2 ? "ID" : "id")
                    .mapTo(Long.class).one();
        });
        return new OutboxMail(id, userId, message, Status.PENDING, 0, now, now, null);
    }

    @Override
    public List<OutboxMail> claim(Instant now, Duration lease, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease + ".");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit + ".");
        }
        long at = now.toEpochMilli();
        long leaseEnd = now.plus(lease).toEpochMilli();
        List<Claimed> claimed = db.dialect() == Dialect.H2
                ? db.call("claiming mail", handle -> claimOnH2(handle, at, leaseEnd, limit))
                : claimLockedRetryingDeadlocks(at, leaseEnd, limit);
        claimed.sort(OLDEST_FIRST);
        return claimed.stream().map(Claimed::mail).toList();
    }

    /**
     * A claim is a transaction of its own that holds row locks, and MariaDB may still pick it as a deadlock
     * victim when workers lock neighbouring rows at once ({@code SKIP LOCKED} skips locked rows, not the gap
     * locks of its index scan). The victim was rolled back, so nothing was claimed; trying again is safe.
     */
    private List<Claimed> claimLockedRetryingDeadlocks(long at, long leaseEnd, int limit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction("claiming mail", handle -> claimLocked(handle, at, leaseEnd, limit));
            } catch (StoreException e) {
                String state = e.sqlState();
                if (attempt >= MAX_CLAIM_ATTEMPTS || state == null || !ROLLED_BACK.contains(state)) {
                    throw e;
                }
            }
        }
    }

    @Override
    public boolean markSent(long id, Instant now) {
        Objects.requireNonNull(now, "now");
        return db.call("marking mail sent", handle -> handle.createUpdate(markSent)
                .bind(0, now.toEpochMilli()).bind(1, id).execute() == 1);
    }

    @Override
    public boolean markFailed(long id, @Nullable Instant retryAt, String error) {
        Objects.requireNonNull(error, "error");
        return db.call("marking mail failed", handle -> retryAt == null
                ? handle.createUpdate(markFailedGiveUp).bind(0, error).bind(1, id).execute() == 1
                : handle.createUpdate(markFailedRetry).bind(0, retryAt.toEpochMilli()).bind(1, error).bind(2, id)
                        .execute() == 1);
    }

    @Override
    public Optional<OutboxMail> find(long id) {
        return db.call("finding queued mail", handle -> handle.createQuery(find).bind(0, id)
                .map((rs, ctx) -> MailRows.map(rs)).findOne());
    }

    @Override
    public int deleteUnsent(long userId) {
        return db.call("dropping a user's unsent mail", handle -> handle.createUpdate(deleteUnsent)
                .bind(0, userId).execute());
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit + ".");
        }
        return db.call("deleting finished mail", handle -> handle.createUpdate(deleteFinished)
                .bind(0, cutoff.toEpochMilli()).bind(1, limit).execute());
    }

    @Override
    public String toString() {
        return "JdbcMailOutbox[" + db.dialect() + ", " + db.prefix() + "outbox]";
    }

    /** PostgreSQL and MariaDB: lock due rows other workers have not locked, then take them all. */
    private List<Claimed> claimLocked(Handle handle, long at, long leaseEnd, int limit) {
        List<OutboxMail> due = due(handle, at, limit);
        if (due.isEmpty()) {
            return new ArrayList<>();
        }
        String ids = String.join(", ", Collections.nCopies(due.size(), "?"));
        Update update = handle.createUpdate(db.sql("UPDATE {p}outbox SET status = 'SENDING', attempts = attempts + 1, "
                + "next_attempt_at = ? WHERE id IN (" + ids + ")")).bind(0, leaseEnd);
        for (int i = 0; i < due.size(); i++) {
            update.bind(i + 1, due.get(i).id());
        }
        update.execute();
        List<Claimed> claimed = new ArrayList<>(due.size());
        for (OutboxMail m : due) {
            claimed.add(new Claimed(m.nextAttemptAt(), new OutboxMail(m.id(), m.userId(), m.message(), Status.SENDING,
                    m.attempts() + 1, m.createdAt(), Instant.ofEpochMilli(leaseEnd), m.lastError())));
        }
        return claimed;
    }

    /**
     * H2 has no {@code SKIP LOCKED}: read the due rows, then take each with an update that re-checks that it is
     * still claimable. Losing a race means that update changes nothing and the row stays the winner's.
     */
    private List<Claimed> claimOnH2(Handle handle, long at, long leaseEnd, int limit) {
        List<Claimed> claimed = new ArrayList<>();
        for (int round = 0; round < H2_CLAIM_ROUNDS && claimed.isEmpty(); round++) {
            List<OutboxMail> due = due(handle, at, limit);
            if (due.isEmpty()) {
                break;
            }
            for (OutboxMail m : due) {
                if (handle.createUpdate(claimOneOnH2).bind(0, leaseEnd).bind(1, m.id()).bind(2, at).execute() == 1) {
                    OutboxMail now = handle.createQuery(find).bind(0, m.id()).map((rs, ctx) -> MailRows.map(rs)).one();
                    claimed.add(new Claimed(m.nextAttemptAt(), now));
                }
            }
        }
        return claimed;
    }

    private List<OutboxMail> due(Handle handle, long at, int limit) {
        Query query = handle.createQuery(selectDue).bind(0, at).bind(1, limit);
        return query.map((rs, ctx) -> MailRows.map(rs)).list();
    }

    /** A claimed message and when it was due, for ordering. */
    private record Claimed(Instant dueAt, OutboxMail mail) {
    }
}
