package io.gatehouse.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The rows of {@code docs/PERFORMANCE.md}: which benchmark class each one runs, the JMH settings recommended for a
 * quiet machine, and which benchmark is compared with which.
 *
 * <p>To add a row: write the benchmark class (Gatehouse and its peers side by side), its test, and a constant here.
 */
enum Row {
    /** Token make and check, against one raw HMAC-SHA256 over the same bytes. */
    TOKEN(TokenBenchmark.class, Settings.fast(),
            new Pair("gatehouseMake", "rawMacMake"),
            new Pair("gatehouseCheck", "rawMacCheck"),
            new Pair("gatehouseCheck", "rawMacFreshCheck"),
            new Pair("gatehouseCheck", "rawMacClonedCheck")),

    /** bcrypt at cost 11: our default hasher, plain jbcrypt, Spring Security, at.favre.lib. */
    BCRYPT(BcryptBenchmark.class, Settings.slow(),
            new Pair("gatehouseVerify", "jbcryptVerify"),
            new Pair("gatehouseVerify", "springVerify"),
            new Pair("gatehouseVerify", "favreVerify"),
            new Pair("gatehouseHash", "jbcryptHash"),
            new Pair("gatehouseHash", "springHash"),
            new Pair("gatehouseHash", "favreHash")),

    /** PBKDF2-SHA256 at Django 5.2's count: our hasher, the JDK's SecretKeyFactory, a bare reused-Mac loop. */
    PBKDF2(Pbkdf2Benchmark.class, Settings.slow(),
            new Pair("gatehouseVerify", "jdkSecretKeyFactory"),
            new Pair("gatehouseVerify", "reusedMac")),

    /** Logins per second on 1, 2 and 4 threads; the "peer" is the one-thread run, so the ratio is the speed-up. */
    LOGIN(LoginBenchmark.class, Settings.slow(),
            new Pair("twoThreads", "oneThread"),
            new Pair("fourThreads", "oneThread"));

    private final Class<?> benchmark;
    private final Settings settings;
    private final List<Pair> pairs;

    Row(Class<?> benchmark, Settings settings, Pair... pairs) {
        this.benchmark = benchmark;
        this.settings = settings;
        this.pairs = List.of(pairs);
    }

    /** The name used on the command line: the constant's name in lower case. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The JMH include pattern selecting exactly this row's benchmarks. */
    String include() {
        return "^" + benchmark.getName().replace(".", "\\.") + "\\.";
    }

    Class<?> benchmark() {
        return benchmark;
    }

    Settings settings() {
        return settings;
    }

    List<Pair> pairs() {
        return pairs;
    }

    static Optional<Row> byId(String id) {
        return Arrays.stream(values()).filter(row -> row.id().equals(id)).findFirst();
    }

    /**
     * One comparison: a Gatehouse benchmark method against a peer's, both of this row's class.
     *
     * @param gatehouse the Gatehouse method's name
     * @param peer the peer method's name
     */
    record Pair(String gatehouse, String peer) {
    }

    /**
     * JMH settings for one row.
     *
     * @param forks JVM forks; each fork repeats warm-up and measurement in a fresh JVM
     * @param warmupIterations warm-up iterations per fork
     * @param warmupTime length of one warm-up iteration
     * @param iterations measured iterations per fork
     * @param iterationTime length of one measured iteration
     */
    record Settings(int forks, int warmupIterations, TimeValue warmupTime, int iterations, TimeValue iterationTime) {

        /** Nanosecond-to-microsecond operations: many short iterations, three forks. */
        static Settings fast() {
            return new Settings(3, 5, TimeValue.seconds(1), 10, TimeValue.seconds(1));
        }

        /** Operations of a tenth of a second or more: long iterations so each holds dozens of operations. */
        static Settings slow() {
            return new Settings(2, 3, TimeValue.seconds(5), 5, TimeValue.seconds(5));
        }

        /** A smoke run that proves a benchmark runs; its figures are not worth quoting. */
        static Settings quick() {
            return new Settings(1, 1, TimeValue.seconds(2), 3, TimeValue.seconds(2));
        }
    }
}
