package io.gatehouse.session;

import io.gatehouse.InvalidInputException;
import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.permission.Subject;
import io.gatehouse.user.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Starts, resolves and ends logged-in sessions (Django's {@code login}, {@code logout},
 * {@code SessionMiddleware} and {@code update_session_auth_hash}).
 *
 * <pre>{@code
 * SessionManager sessions = SessionManager.builder(store, SessionSubjectLookup.fromStores(store, users, perms),
 *         keys, clock).build();
 * NewSession started = sessions.start(user, false, request.cookie("sessionid"));
 * Optional<ResolvedSession> current = sessions.resolve(request.cookie("sessionid"));
 * }</pre>
 *
 * <p>Methods taking a raw session id accept any string, including junk from a cookie: a malformed id is
 * treated as unknown without touching the store. Other arguments must be non-null.
 *
 * <p>Security note: session ids are 256 bits from the {@link SecureRandom}; the store keeps only their
 * SHA-256. Each session carries an HMAC of its user's password hash under the {@link SecretKeyRing}, so
 * changing the password ends it unless it is {@linkplain #rebind re-bound}. Instants are stored to the
 * millisecond.
 *
 * <p>Immutable and thread-safe. A logout or revocation always wins over a concurrent write:
 * {@link #setAttribute}, {@link #removeAttribute} and {@link #rebind} never bring back a session deleted after
 * they read it. Two concurrent attribute changes to one session are last-writer-wins; one may be lost.
 */
public final class SessionManager {
    private final SessionStore store;
    private final SessionSubjectLookup lookup;
    private final SecretKeyRing keys;
    private final Clock clock;
    private final SecureRandom random;
    private final SessionSettings settings;

    private SessionManager(Builder builder) {
        store = builder.store;
        lookup = builder.lookup;
        keys = builder.keys;
        clock = builder.clock;
        random = builder.random;
        settings = builder.settings;
    }

    /**
     * Starts a builder with the required collaborators.
     *
     * @param store where sessions live
     * @param lookup how a request's session, user and permissions are loaded
     * @param keys the secrets session auth hashes are signed with
     * @param clock the time source
     * @return a builder using a new {@link SecureRandom} and {@link SessionSettings#defaults()} unless told
     */
    public static Builder builder(SessionStore store, SessionSubjectLookup lookup, SecretKeyRing keys, Clock clock) {
        return new Builder(store, lookup, keys, clock);
    }

    /**
     * Logs a user in: stores a new session under a new random id (Django's {@code login}).
     *
     * <p>Security note (fixation): whatever id the client sent before logging in, it never becomes the
     * logged-in id. When it names a stored session, that session is deleted; its attributes are carried over
     * only when it belonged to the same user, so a session planted by an attacker cannot seed the victim's.
     *
     * @param user the authenticated user; must be active
     * @param rememberMe true for a persistent cookie living the absolute timeout, false for a browser-session
     *     cookie
     * @param previousSessionId the raw id the client sent, if any; junk is ignored
     * @return the new session with its raw id
     * @throws IllegalArgumentException when the user is inactive
     */
    public NewSession start(User user, boolean rememberMe, @Nullable String previousSessionId) {
        Objects.requireNonNull(user, "user");
        if (!user.active()) {
            throw new IllegalArgumentException("user must be active to start a session; user id " + user.id() + ".");
        }
        Map<String, String> attributes = Map.of();
        Optional<Session> previous = findStored(previousSessionId);
        if (previous.isPresent()) {
            store.delete(previous.get().idHash());
            if (previous.get().userId() == user.id()) {
                attributes = previous.get().attributes();
            }
        }
        Instant now = now();
        String id = SessionIds.generate(random);
        Session session = new Session(SessionIds.hash(id), user.id(), AuthHashes.sign(keys, user), now, now,
                now.plus(settings.absoluteTimeout()), rememberMe, attributes);
        store.save(session);
        return new NewSession(id, session, now);
    }

    /**
     * The session a request's cookie names, with its user and permissions, when it is still valid. A session
     * that is expired (absolutely or for idleness), whose user is gone or inactive, or whose password hash no
     * longer matches under any key of the ring, is deleted and the answer is empty. Unknown and malformed ids
     * are simply empty, with no store write. The last-seen time is written at most once per touch interval.
     *
     * @param rawSessionId the cookie value; may be anything
     * @return the resolved session, or empty
     */
    public Optional<ResolvedSession> resolve(@Nullable String rawSessionId) {
        if (!SessionIds.isWellFormed(rawSessionId)) {
            return Optional.empty();
        }
        String idHash = SessionIds.hash(rawSessionId);
        Optional<SessionView> found = lookup.find(idHash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionView view = found.get();
        Session session = view.session();
        Instant now = now();
        if (!isLive(session, now) || !view.user().active() || !AuthHashes.matches(keys, session, view.user())) {
            store.delete(idHash);
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt(), now).compareTo(settings.touchInterval()) >= 0
                && store.touch(idHash, now)) {
            session = withLastSeenAt(session, now);
        }
        return Optional.of(new ResolvedSession(session, Subject.of(view.user(), view.permissions())));
    }

    /**
     * Logs out: deletes the session on the server, so its cookie no longer resolves anywhere.
     *
     * @param rawSessionId the cookie value; may be anything
     * @return true when a session was deleted
     */
    public boolean end(@Nullable String rawSessionId) {
        return SessionIds.isWellFormed(rawSessionId) && store.delete(SessionIds.hash(rawSessionId));
    }

    /**
     * A user's live sessions, for a "where you're logged in" page; expired ones are left out.
     *
     * @param userId the user
     * @return the sessions, newest first
     */
    public List<Session> sessionsOf(long userId) {
        Instant now = now();
        return store.findByUser(userId).stream().filter(s -> isLive(s, now)).toList();
    }

    /**
     * Ends one of a user's sessions, as listed by {@link #sessionsOf}.
     *
     * @param userId the user who asks
     * @param idHash the session's {@link Session#idHash()}
     * @return true when the session existed, belonged to that user and was deleted
     */
    public boolean revoke(long userId, String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return store.find(idHash).filter(s -> s.userId() == userId).map(s -> store.delete(idHash)).orElse(false);
    }

    /**
     * Ends every session of a user ("log out everywhere", account deletion, deactivation).
     *
     * @param userId the user
     * @return how many sessions were deleted
     */
    public int revokeAll(long userId) {
        return store.deleteByUser(userId);
    }

    /**
     * Ends every other session of the current session's user ("log out other devices").
     *
     * @param currentRawSessionId the current cookie value
     * @return how many sessions were deleted; zero when the current id is unknown
     */
    public int revokeOthers(@Nullable String currentRawSessionId) {
        return findStored(currentRawSessionId).map(s -> store.deleteOthers(s.userId(), s.idHash())).orElse(0);
    }

    /**
     * Re-binds the current session after the user's password changed (Django's
     * {@code update_session_auth_hash}): the current session continues under a new id with an auth hash for
     * the new password hash, keeping its attributes and absolute expiry, and every other session of the user
     * is deleted. Call it after storing the new password hash, and set the returned id as the new cookie.
     *
     * <p>Security note: the id rotates because a password change is a privilege change, like login; an id
     * that leaked before the change (the reason for changing the password, perhaps) then dies with the rest.
     *
     * @param currentRawSessionId the current cookie value
     * @param user the user as now stored, with the new password hash
     * @return the new session, or empty when the current id names no live session, including when it is
     *     ended (logged out, revoked) while being re-bound
     * @throws IllegalArgumentException when the session belongs to another user
     */
    public Optional<NewSession> rebind(@Nullable String currentRawSessionId, User user) {
        Objects.requireNonNull(user, "user");
        Instant now = now();
        Optional<Session> current = findStored(currentRawSessionId).filter(s -> isLive(s, now));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Session old = current.get();
        if (old.userId() != user.id()) {
            throw new IllegalArgumentException("The session belongs to another user than user id " + user.id() + ".");
        }
        String id = SessionIds.generate(random);
        Session rebound = new Session(SessionIds.hash(id), user.id(), AuthHashes.sign(keys, user), old.createdAt(), now,
                old.expiresAt(), old.persistent(), old.attributes());
        // Store the new id before deleting the old, and withdraw it if the old one was already gone: a logout or
        // revocation since the read then wins. Deleting first would leave a window in which "log out everywhere"
        // finds nothing and the new session is saved after it.
        store.save(rebound);
        if (!store.delete(old.idHash())) {
            store.delete(rebound.idHash());
            return Optional.empty();
        }
        store.deleteOthers(user.id(), rebound.idHash());
        return Optional.of(new NewSession(id, rebound, now));
    }

    /**
     * Stores a small string attribute with a live session.
     *
     * @param rawSessionId the cookie value
     * @param key the key, 1 to {@link SessionSettings#maxKeyLength()} characters, no control characters
     * @param value the value, at most {@link SessionSettings#maxValueLength()} characters
     * @return the updated session, or empty when the id names no live session
     * @throws InvalidInputException naming {@code key} or {@code value} when a limit is broken,
     *     including {@link SessionSettings#maxAttributes()}
     */
    public Optional<Session> setAttribute(@Nullable String rawSessionId, String key, String value) {
        settings.checkAttribute(key, value);
        return updateAttributes(rawSessionId, attributes -> {
            if (!attributes.containsKey(key) && attributes.size() >= settings.maxAttributes()) {
                throw new InvalidInputException("key", "session_attributes_full",
                        "A session holds at most " + settings.maxAttributes() + " attributes.");
            }
            attributes.put(key, value);
        });
    }

    /**
     * Removes an attribute from a live session.
     *
     * @param rawSessionId the cookie value
     * @param key the key
     * @return the updated session, or empty when the id names no live session
     */
    public Optional<Session> removeAttribute(@Nullable String rawSessionId, String key) {
        Objects.requireNonNull(key, "key");
        return updateAttributes(rawSessionId, attributes -> attributes.remove(key));
    }

    /**
     * Deletes every session past its absolute expiry, in batches of {@link SessionSettings#cleanupBatchSize()}
     * (Django's {@code clearsessions}). Idle-expired sessions are ended when next resolved.
     *
     * @return how many sessions were deleted
     */
    public int clearExpired() {
        Instant now = now();
        int total = 0;
        int deleted;
        do {
            deleted = store.deleteExpired(now, settings.cleanupBatchSize());
            total += deleted;
        } while (deleted == settings.cleanupBatchSize());
        return total;
    }

    @Override
    public String toString() {
        return "SessionManager[" + settings + "]";
    }

    private Instant now() {
        // Stores keep milliseconds; truncating here makes every store behave alike at the boundaries.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Optional<Session> findStored(@Nullable String rawSessionId) {
        return SessionIds.isWellFormed(rawSessionId) ? store.find(SessionIds.hash(rawSessionId)) : Optional.empty();
    }

    private boolean isLive(Session session, Instant now) {
        if (session.isExpiredAt(now)) {
            return false;
        }
        return settings.idleTimeout().map(idle -> now.isBefore(session.lastSeenAt().plus(idle))).orElse(true);
    }

    private Optional<Session> updateAttributes(@Nullable String rawSessionId,
            Consumer<Map<String, String>> change) {
        Instant now = now();
        Optional<Session> current = findStored(rawSessionId).filter(s -> isLive(s, now));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Session s = current.get();
        Map<String, String> attributes = new HashMap<>(s.attributes());
        change.accept(attributes);
        Session updated = new Session(s.idHash(), s.userId(), s.authHash(), s.createdAt(), s.lastSeenAt(),
                s.expiresAt(), s.persistent(), attributes);
        // update, not save: a save would re-create the session if it was logged out or revoked since the read.
        return store.update(updated) ? Optional.of(updated) : Optional.empty();
    }

    private static Session withLastSeenAt(Session s, Instant lastSeenAt) {
        return new Session(s.idHash(), s.userId(), s.authHash(), s.createdAt(), lastSeenAt, s.expiresAt(),
                s.persistent(), s.attributes());
    }

    /** Builds a {@link SessionManager}. Not thread-safe. */
    public static final class Builder {
        private final SessionStore store;
        private final SessionSubjectLookup lookup;
        private final SecretKeyRing keys;
        private final Clock clock;
        private SecureRandom random;
        private SessionSettings settings = SessionSettings.defaults();

        private Builder(SessionStore store, SessionSubjectLookup lookup, SecretKeyRing keys, Clock clock) {
            this.store = Objects.requireNonNull(store, "store");
            this.lookup = Objects.requireNonNull(lookup, "lookup");
            this.keys = Objects.requireNonNull(keys, "keys");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.random = new SecureRandom();
        }

        /**
         * Sets where session ids come from.
         *
         * @param value a cryptographically strong generator
         * @return this builder
         */
        public Builder random(SecureRandom value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * Sets timeouts and attribute limits.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder settings(SessionSettings value) {
            settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Builds the manager.
         *
         * @return the manager
         */
        public SessionManager build() {
            return new SessionManager(this);
        }
    }
}
