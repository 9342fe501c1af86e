package io.gatehouse.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The rows of {@code docs/PERFORMANCE.md}: which benchmark class each one runs, the JMH settings recommended for a
 * quiet machine, and which benchmark is compared with which.
 *
 * <p>To add a row: write the benchmark class (Gatehouse and its peers side by side), its test, and a constant here
 * naming what to compare: {@link Pair}s of methods, or the same method {@link Across} two values of a parameter; a
 * row with neither (a single-shot figure) prints its scores alone.
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
            new Pair("fourThreads", "oneThread")),

    /** Session cookie to user and permissions: Gatehouse's one statement against Spring Session + Spring Security. */
    RESOLVE(ResolveBenchmark.class, Settings.fast(), Databases.EITHER,
            new Pair("gatehouse", "spring")),

    /** Gatehouse's resolve on PostgreSQL with 1, 2, 4 and 8 threads; the ratio is the speed-up over one thread. */
    RESOLVE_THREADS(ResolveThreadsBenchmark.class, Settings.fast(), Databases.POSTGRESQL_ONLY,
            new Pair("twoThreads", "oneThread"),
            new Pair("fourThreads", "oneThread"),
            new Pair("eightThreads", "oneThread")),

    /** 1,000 messages over SMTP: one connection, a connection per message, and Spring's JavaMailSenderImpl. */
    MAIL(MailBenchmark.class, Settings.slow(),
            new Pair("gatehouseSendAll", "gatehouseConnectionPerMessage"),
            new Pair("gatehouseSendAll", "springSend")),

    /** findByUsername / findByEmail, and the database's own primary-key lookup, with 1,000,000 users against 1,000. */
    LOOKUP(LookupBenchmark.class, Settings.fast(), Databases.EITHER,
            new Across("users", "1000000", "1000")),

    /** Deleting 1,000,000 expired sessions in batches; single shot, no peer: the time is the figure. */
    DELETE_EXPIRED(DeleteExpiredBenchmark.class, Settings.singleShot(), Databases.EITHER);

    private final Class<?> benchmark;
    private final Settings settings;
    private final Databases databases;
    private final List<Pair> pairs;
    private final List<Across> across;

    Row(Class<?> benchmark, Settings settings, Comparison... comparisons) {
        this(benchmark, settings, Databases.NONE, comparisons);
    }

    Row(Class<?> benchmark, Settings settings, Databases databases, Comparison... comparisons) {
        this.benchmark = benchmark;
        this.settings = settings;
        this.databases = databases;
        List<Pair> p = new ArrayList<>();
        List<Across> a = new ArrayList<>();
        for (Comparison c : comparisons) {
            if (c instanceof Pair pair) {
                p.add(pair);
            } else if (c instanceof Across across) {
                a.add(across);
            }
        }
        this.pairs = List.copyOf(p);
        this.across = List.copyOf(a);
    }

    /** The name used on the command line: the constant's name in lower case, words joined by hyphens. */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
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

    /** The smoke-run settings: {@link Settings#quick()}, or {@link Settings#quickSingleShot()} for single shots. */
    Settings quickSettings() {
        return isSingleShot() ? Settings.quickSingleShot() : Settings.quick();
    }

    boolean isSingleShot() {
        BenchmarkMode mode = benchmark.getAnnotation(BenchmarkMode.class);
        return mode != null && Arrays.asList(mode.value()).contains(Mode.SingleShotTime);
    }

    Databases databases() {
        return databases;
    }

    List<Pair> pairs() {
        return pairs;
    }

    List<Across> across() {
        return across;
    }

    static Optional<Row> byId(String id) {
        return Arrays.stream(values()).filter(row -> row.id().equals(id)).findFirst();
    }

    /** What a row compares: two methods ({@link Pair}) or one method at two values of a parameter ({@link Across}). */
    sealed interface Comparison permits Pair, Across {
    }

    /**
     * One comparison: a Gatehouse benchmark method against a peer's, both of this row's class.
     *
     * @param gatehouse the Gatehouse method's name
     * @param peer the peer method's name
     */
    record Pair(String gatehouse, String peer) implements Comparison {
    }

    /**
     * Every benchmark method at one value of a JMH parameter against the same method at another value, the other
     * parameters equal (e.g. 1,000,000 users against 1,000).
     *
     * @param param the parameter's name
     * @param value the value measured
     * @param baseline the value it is compared with
     */
    record Across(String param, String value, String baseline) implements Comparison {
    }

    /** Which databases a row's benchmarks use, so that {@link Compare} can leave PostgreSQL out when it is down. */
    enum Databases {
        /** No database. */
        NONE,
        /** H2 and PostgreSQL, chosen by the benchmarks' {@code database} parameter. */
        EITHER,
        /** PostgreSQL only. */
        POSTGRESQL_ONLY
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

        /**
         * Single-shot operations of seconds, each after a set-up of its own (deleting a million rows): one fork, one
         * warm-up shot, three measured shots.
         */
        static Settings singleShot() {
            return new Settings(1, 1, TimeValue.seconds(1), 3, TimeValue.seconds(1));
        }

        /** A smoke run of a single-shot row: one fork, no warm-up, one measured shot. */
        static Settings quickSingleShot() {
            return new Settings(1, 0, TimeValue.seconds(1), 1, TimeValue.seconds(1));
        }

        /** A smoke run that proves a benchmark runs; its figures are not worth quoting. */
        static Settings quick() {
            return new Settings(1, 1, TimeValue.seconds(2), 3, TimeValue.seconds(2));
        }
    }
}
