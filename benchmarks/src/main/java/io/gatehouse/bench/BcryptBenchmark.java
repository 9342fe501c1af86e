package io.gatehouse.bench;

import at.favre.lib.crypto.bcrypt.BCrypt.Hasher;
import at.favre.lib.crypto.bcrypt.BCrypt.Verifyer;
import io.gatehouse.password.PasswordHasher;
import io.gatehouse.password.PasswordHashers;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.mindrot.jbcrypt.BCrypt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;

/**
 * Hashing and verifying one password with bcrypt at the cost of our default hasher
 * ({@value #COST}), in four implementations: {@link PasswordHashers#defaults()} ({@code bcrypt_sha256} on
 * jbcrypt), plain jbcrypt 0.4, Spring Security's {@link BCryptPasswordEncoder} and {@code at.favre.lib:bcrypt}.
 *
 * <p>Verifying is what a login pays; hashing is what sign-up and a password change pay. Both run one
 * EksBlowfish setup of 2<sup>cost</sup> rounds, so the two figures of one library should agree.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class BcryptBenchmark {
    /** The cost every implementation runs at: our default hasher's. */
    static final int COST = PasswordHashers.V1_BCRYPT_COST;

    /** 27 bytes, well under bcrypt's 72-byte limit, so every implementation hashes the same bytes. */
    static final String PASSWORD = "wobbly-Turnip-4417-lantern!";

    // Set by setUp() before any benchmark method runs, as JMH guarantees.
    private PasswordHasher gatehouse;
    private String gatehouseHash;
    private String jbcryptSalt;
    private String jbcryptHash;
    private BCryptPasswordEncoder spring;
    private String springHash;
    private Hasher favreHasher;
    private Verifyer favreVerifyer;
    private byte[] favreHash;

    /** Makes each implementation's hash of {@link #PASSWORD} once, for the verify benchmarks. */
    @Setup
    public void setUp() {
        gatehouse = PasswordHashers.defaults();
        gatehouseHash = gatehouse.encode(PASSWORD);
        jbcryptSalt = BCrypt.gensalt(COST);
        jbcryptHash = BCrypt.hashpw(PASSWORD, jbcryptSalt);
        spring = new BCryptPasswordEncoder(BCryptVersion.$2B, COST);
        springHash = spring.encode(PASSWORD);
        favreHasher = at.favre.lib.crypto.bcrypt.BCrypt.with(at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2B);
        favreVerifyer = at.favre.lib.crypto.bcrypt.BCrypt.verifyer(
                at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2B);
        favreHash = favreHasher.hash(COST, PASSWORD.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Gatehouse's default hasher checks the password (what every login costs).
     *
     * @return true
     */
    @Benchmark
    public boolean gatehouseVerify() {
        return gatehouse.matches(PASSWORD, gatehouseHash);
    }

    /**
     * Plain jbcrypt checks the password.
     *
     * @return true
     */
    @Benchmark
    public boolean jbcryptVerify() {
        return BCrypt.checkpw(PASSWORD, jbcryptHash);
    }

    /**
     * Spring Security checks the password.
     *
     * @return true
     */
    @Benchmark
    public boolean springVerify() {
        return spring.matches(PASSWORD, springHash);
    }

    /**
     * {@code at.favre.lib:bcrypt} checks the password.
     *
     * @return true
     */
    @Benchmark
    public boolean favreVerify() {
        return favreVerifyer.verify(PASSWORD.getBytes(StandardCharsets.UTF_8), favreHash).verified;
    }

    /**
     * Gatehouse's default hasher hashes the password with a fresh salt.
     *
     * @return the stored form
     */
    @Benchmark
    public String gatehouseHash() {
        return gatehouse.encode(PASSWORD);
    }

    /**
     * Plain jbcrypt hashes the password with a fixed salt (drawing a salt is not what is measured).
     *
     * @return the stored form
     */
    @Benchmark
    public String jbcryptHash() {
        return BCrypt.hashpw(PASSWORD, jbcryptSalt);
    }

    /**
     * Spring Security hashes the password with a fresh salt.
     *
     * @return the stored form
     */
    @Benchmark
    public String springHash() {
        return spring.encode(PASSWORD);
    }

    /**
     * {@code at.favre.lib:bcrypt} hashes the password with a fresh salt.
     *
     * @return the stored form
     */
    @Benchmark
    public byte[] favreHash() {
        return favreHasher.hash(COST, PASSWORD.getBytes(StandardCharsets.UTF_8));
    }

    // Accessors for the test that proves the setup is sound.

    PasswordHasher gatehouse() {
        return gatehouse;
    }

    String storedGatehouseHash() {
        return gatehouseHash;
    }
}
