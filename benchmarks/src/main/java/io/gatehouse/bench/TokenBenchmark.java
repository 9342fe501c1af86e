package io.gatehouse.bench;

import io.gatehouse.crypto.SecretKeyRing;
import io.gatehouse.password.PasswordHashers;
import io.gatehouse.token.TokenGenerator;
import io.gatehouse.token.TokenPurpose;
import io.gatehouse.user.User;
import io.gatehouse.user.UserBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Making and checking a password-reset token with {@link TokenGenerator}, against the floor: one raw JDK
 * HMAC-SHA256 over a message of the same bytes, with a {@link Mac} initialised once and reused.
 *
 * <p>Gatehouse's work per call on top of the floor: deriving the purpose key ({@code SHA-256(salt + secret)}),
 * {@code Mac.getInstance} and {@code init}, serialising the user's state, and formatting or parsing the token.
 * {@link #rawMacFreshCheck} shows how much of that is the fresh {@code Mac} alone, and {@link #rawMacClonedCheck}
 * what cloning an initialised {@code Mac} would cost instead.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class TokenBenchmark {
    static final TokenPurpose PURPOSE = TokenPurpose.PASSWORD_RESET;

    // Set by setUp() before any benchmark method runs, as JMH guarantees.
    private TokenGenerator tokens;
    private User user;
    private String token;
    private byte[] key;
    private Mac mac;
    private byte[] message;
    private byte[] expectedMac;

    /** Makes the secrets, the user, one token to check and the raw MAC's message and expected value. */
    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        tokens = TokenGenerator.create(SecretKeyRing.generate(random), Clock.systemUTC());
        user = user();
        token = tokens.make(user, PURPOSE);
        key = new byte[32];
        random.nextBytes(key);
        mac = newMac(key);
        message = sameLayoutMessage(user, Instant.now().getEpochSecond());
        expectedMac = mac.doFinal(message);
    }

    /**
     * Gatehouse: makes a token.
     *
     * @return the token
     */
    @Benchmark
    public String gatehouseMake() {
        return tokens.make(user, PURPOSE);
    }

    /**
     * Gatehouse: checks a valid token (the full path: parse, expiry, MAC, constant-time compare).
     *
     * @return true
     */
    @Benchmark
    public boolean gatehouseCheck() {
        return tokens.check(user, PURPOSE, token);
    }

    /**
     * The floor for making: one HMAC-SHA256 of the same message with a reused {@link Mac}.
     *
     * @return the MAC
     */
    @Benchmark
    public byte[] rawMacMake() {
        return mac.doFinal(message);
    }

    /**
     * The floor for checking: one HMAC-SHA256 and a constant-time compare, with a reused {@link Mac}.
     *
     * @return true
     */
    @Benchmark
    public boolean rawMacCheck() {
        return MessageDigest.isEqual(mac.doFinal(message), expectedMac);
    }

    /**
     * Between the two: the raw check with a fresh {@link Mac} per call, as thread-safe code without a cache does.
     *
     * @return true
     */
    @Benchmark
    public boolean rawMacFreshCheck() {
        return MessageDigest.isEqual(newMac(key).doFinal(message), expectedMac);
    }

    /**
     * The thread-safe alternative to a fresh {@link Mac}: a clone of one initialised once (what a cache of
     * per-purpose keys in {@code SecretKeyRing} could do).
     *
     * @return true
     * @throws CloneNotSupportedException never with the JDK's HmacSHA256
     */
    @Benchmark
    public boolean rawMacClonedCheck() throws CloneNotSupportedException {
        return MessageDigest.isEqual(((Mac) mac.clone()).doFinal(message), expectedMac);
    }

    /** A user whose hash has the length of a default ({@code bcrypt_sha256}, cost 11) hash; cost 4 is faster. */
    static User user() {
        Instant joined = Instant.parse("2026-01-05T10:15:30Z");
        return UserBuilder.create("alice", "alice@example.com", PasswordHashers.forTesting().encode("s3cret-Pass"),
                        joined)
                .emailVerified(true)
                .lastLogin(joined.plus(3, ChronoUnit.DAYS))
                .build()
                .withId(42);
    }

    /**
     * The bytes {@link TokenGenerator} signs for {@code user} at {@code timestamp}, laid out as it lays them out
     * (version, id, timestamp, hash, last login, email, flags, bound value), so the raw MAC hashes as many bytes.
     */
    static byte[] sameLayoutMessage(User user, long timestamp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(1);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(user.id()).array());
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array());
        writeString(out, user.passwordHash());
        Instant lastLogin = user.lastLogin();
        out.write(lastLogin == null ? 0 : 1);
        out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(lastLogin == null ? 0 : lastLogin.getEpochSecond())
                .array());
        writeString(out, user.email());
        out.write(user.emailVerified() ? 1 : 0);
        out.write(user.active() ? 1 : 0);
        out.write(0);
        writeString(out, "");
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM, which every Java SE must provide.",
                    e);
        }
    }

    // Accessors for the test that proves the setup is sound.

    TokenGenerator tokens() {
        return tokens;
    }

    User theUser() {
        return user;
    }

    byte[] message() {
        return message.clone();
    }
}
