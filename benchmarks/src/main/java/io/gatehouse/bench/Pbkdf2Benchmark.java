package io.gatehouse.bench;

import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verifying a Django {@code pbkdf2_sha256} hash at Django 5.2's iteration count ({@value #DJANGO_5_2_ITERATIONS}),
 * with our hasher ({@link PasswordHashers#pbkdf2Sha256(int)}) against the JDK's {@code SecretKeyFactory}
 * {@code PBKDF2WithHmacSHA256}, and against the bare loop over one {@link Mac} initialised once per thread.
 *
 * <p>Our hasher has no default count of its own: {@code pbkdf2Sha256(int)} takes it from the caller, so the
 * benchmark uses the count Django 5.2 (the current LTS) writes; pass {@code -p iterations=870000} for Django 5.1's
 * or {@code 260000} for Django 3.2's. All three derive the same 32 bytes from the same password and salt and
 * compare them in constant time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class Pbkdf2Benchmark {
    /** What Django 5.2 writes ({@code PBKDF2PasswordHasher.iterations}, raised from 870,000 in 5.2). */
    static final int DJANGO_5_2_ITERATIONS = 1_000_000;

    static final String PASSWORD = BcryptBenchmark.PASSWORD;

    /** The PBKDF2 iteration count; JMH sets it from {@code @Param}, a test from this default. */
    @Param("1000000")
    int iterations = DJANGO_5_2_ITERATIONS;

    // Set by setUp() before any benchmark method runs, as JMH guarantees.
    private PasswordHasher gatehouse;
    private String encoded;
    private byte[] salt;
    private byte[] expected;
    private Mac reusedMac;

    /** Makes one Django-format hash with our hasher and takes the salt and digest the peers compare against. */
    @Setup
    public void setUp() throws GeneralSecurityException {
        gatehouse = PasswordHashers.pbkdf2Sha256(iterations);
        encoded = gatehouse.encode(PASSWORD);
        String[] parts = encoded.split("\\$");
        salt = parts[2].getBytes(StandardCharsets.UTF_8);
        expected = Base64.getDecoder().decode(parts[3]);
        reusedMac = Mac.getInstance("HmacSHA256");
        reusedMac.init(new SecretKeySpec(PASSWORD.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /**
     * Gatehouse verifies the Django hash (parse, derive, constant-time compare).
     *
     * @return true
     */
    @Benchmark
    public boolean gatehouseVerify() {
        return gatehouse.matches(PASSWORD, encoded);
    }

    /**
     * The JDK's {@code SecretKeyFactory} derives the same key, compared in constant time.
     *
     * @return true
     * @throws GeneralSecurityException never on a Java SE runtime
     */
    @Benchmark
    public boolean jdkSecretKeyFactory() throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(PASSWORD.toCharArray(), salt, iterations, 256);
        try {
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(derived, expected);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * The bare PBKDF2 loop (one block) over a {@link Mac} keyed once per thread and reused across calls.
     *
     * @return true
     */
    @Benchmark
    public boolean reusedMac() {
        Mac mac = reusedMac;
        int length = mac.getMacLength();
        byte[] u = new byte[length];
        mac.update(salt);
        mac.update(new byte[] {0, 0, 0, 1});
        try {
            mac.doFinal(u, 0);
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                mac.update(u);
                mac.doFinal(u, 0);
                for (int j = 0; j < length; j++) {
                    t[j] ^= u[j];
                }
            }
            return MessageDigest.isEqual(t, expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The output buffer is the MAC's length, so this cannot happen.", e);
        }
    }

    // Accessors for the test that proves the setup is sound.

    String encoded() {
        return encoded;
    }
}
