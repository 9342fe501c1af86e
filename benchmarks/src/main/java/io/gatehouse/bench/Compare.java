package io.gatehouse.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs rows of {@code docs/PERFORMANCE.md} with their recommended JMH settings and prints, after JMH's own table,
 * each Gatehouse benchmark's speed relative to its peer with the interval the JMH errors allow, by wall clock and
 * by CPU time per operation, and the time Gatehouse's threads spent blocked on monitors
 * ({@link WorkerTimeProfiler}, added to every run).
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.gatehouse.bench.Compare token bcrypt -- -prof gc
 * }</pre>
 *
 * <p>Arguments: {@code --quick} for a smoke run (1 fork, 1 short warm-up, 3 short iterations; single-shot rows: 1
 * shot, no warm-up), then row names ({@code token}, {@code bcrypt}, {@code pbkdf2}, {@code login}, {@code resolve},
 * {@code resolve-threads}, {@code mail}, {@code lookup}, {@code delete-expired}; none means all), then optionally
 * {@code --}
 * and JMH options, which override the row's settings ({@code -f}, {@code -wi}, {@code -w}, {@code -i}, {@code -r},
 * {@code -p}, {@code -prof}...). Each row's JMH results go to {@code <out>/<row>.json}, where {@code <out>} is
 * the system property {@code gatehouse.bench.out} or {@code benchmarks/results}.
 *
 * <p>Rows on databases run on H2 and PostgreSQL. When PostgreSQL does not answer, their PostgreSQL runs are left
 * out ({@code -p database=h2}), a PostgreSQL-only row is skipped, and the output says why; the rest of the run goes
 * on. An explicit {@code -p database=...} after {@code --} is obeyed as given.
 */
public final class Compare {
    private Compare() {
    }

    /**
     * Runs the rows named by {@code args}.
     *
     * @param args {@code [--quick] [row...] [-- jmh options...]}
     * @throws RunnerException when JMH fails (a benchmark that throws fails the run)
     * @throws CommandLineOptionException when the JMH options after {@code --} are malformed
     * @throws IllegalArgumentException naming an unknown row, or benchmark patterns given after {@code --}
     * @throws IOException when the results directory cannot be made
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException {
        Arguments parsed = Arguments.parse(args);
        Path out = Path.of(System.getProperty("gatehouse.bench.out", "benchmarks/results"));
        Files.createDirectories(out);
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        console.println(machine());
        Map<Row, Collection<RunResult>> results = new LinkedHashMap<>();
        Map<Row, String> notes = new LinkedHashMap<>();
        Optional<String> postgres = Optional.empty();
        boolean postgresChecked = false;
        for (Row row : parsed.rows()) {
            if (row.databases() != Row.Databases.NONE && !postgresChecked) {
                postgres = BenchDatabase.POSTGRESQL.unavailable();
                postgresChecked = true;
            }
            Optional<String> note = note(row, parsed, postgres);
            note.ifPresent(text -> {
                notes.put(row, text);
                console.println("Row " + row.id() + ": " + text);
            });
            if (skipped(row, postgres)) {
                continue;
            }
            results.put(row, new Runner(options(row, parsed, out, postgres).build()).run());
        }
        console.println();
        console.println(machine());
        for (Row row : parsed.rows()) {
            console.println();
            Collection<RunResult> rowResults = results.get(row);
            if (rowResults == null) {
                console.println("### " + row.id() + " (" + row.benchmark().getSimpleName() + ")");
                console.println();
                console.println("Skipped: " + notes.get(row));
            } else {
                console.print(ratios(row, rowResults));
                if (notes.containsKey(row)) {
                    console.println();
                    console.println("Note: " + notes.get(row));
                }
            }
        }
    }

    /** Whether the row cannot run at all: it runs on PostgreSQL only, and PostgreSQL is down. */
    static boolean skipped(Row row, Optional<String> postgresUnavailable) {
        return row.databases() == Row.Databases.POSTGRESQL_ONLY && postgresUnavailable.isPresent();
    }

    /** What the output must say about a row's databases, when PostgreSQL is down. */
    static Optional<String> note(Row row, Arguments args, Optional<String> postgresUnavailable) {
        if (postgresUnavailable.isEmpty() || row.databases() == Row.Databases.NONE || choosesDatabase(args)) {
            return Optional.empty();
        }
        return Optional.of(row.databases() == Row.Databases.POSTGRESQL_ONLY
                ? "skipped, it runs on PostgreSQL only: " + postgresUnavailable.get()
                : "PostgreSQL runs left out, H2 only: " + postgresUnavailable.get());
    }

    private static boolean choosesDatabase(Arguments args) {
        try {
            return new CommandLineOptions(args.jmh().toArray(String[]::new)).getParameter("database").hasValue();
        } catch (CommandLineOptionException e) {
            return false;
        }
    }

    static ChainedOptionsBuilder options(Row row, Arguments args, Path out) throws CommandLineOptionException {
        return options(row, args, out, Optional.empty());
    }

    static ChainedOptionsBuilder options(Row row, Arguments args, Path out, Optional<String> postgresUnavailable)
            throws CommandLineOptionException {
        CommandLineOptions jmh = new CommandLineOptions(args.jmh().toArray(String[]::new));
        if (!jmh.getIncludes().isEmpty()) {
            throw new IllegalArgumentException("Benchmark patterns " + jmh.getIncludes() + " after -- would be "
                    + "ignored: Compare runs whole rows. For single benchmarks run JMH directly: "
                    + "java -jar benchmarks/target/benchmarks.jar <pattern> [options].");
        }
        Row.Settings settings = args.quick() ? row.quickSettings() : row.settings();
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(jmh)
                .include(row.include())
                .addProfiler(WorkerTimeProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve(row.id() + ".json").toString());
        if (row.databases() == Row.Databases.EITHER && postgresUnavailable.isPresent()
                && !jmh.getParameter("database").hasValue()) {
            builder.param("database", BenchDatabase.H2.id());
        }
        if (!jmh.getForkCount().hasValue()) {
            builder.forks(settings.forks());
        }
        if (!jmh.getWarmupIterations().hasValue()) {
            builder.warmupIterations(settings.warmupIterations());
        }
        if (!jmh.getWarmupTime().hasValue()) {
            builder.warmupTime(settings.warmupTime());
        }
        if (!jmh.getMeasurementIterations().hasValue()) {
            builder.measurementIterations(settings.iterations());
        }
        if (!jmh.getMeasurementTime().hasValue()) {
            builder.measurementTime(settings.iterationTime());
        }
        return builder;
    }

    /** The machine line PERFORMANCE.md quotes: cores, CPU model, JDK, and the load when the run started. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // Not Linux: the core count and the JDK still identify the run.
        }
        return String.format(Locale.ROOT, "Machine: nproc=%d, CPU=%s, JDK=%s %s (%s), load average=%.2f",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The ratio table of one row, in Markdown, from its JMH results (a score table for rows with no comparison). */
    static String ratios(Row row, Collection<RunResult> results) {
        Map<String, Map<String, Scores>> byParams = new TreeMap<>();
        Map<String, Map<String, String>> paramsByText = new TreeMap<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            Map<String, String> values = paramMap(params);
            String key = paramText(values);
            paramsByText.put(key, values);
            byParams.computeIfAbsent(key, k -> new TreeMap<>()).put(method,
                    new Scores(result.getPrimaryResult(), result.getSecondaryResults().get(WorkerTimeProfiler.CPU),
                            result.getSecondaryResults().get(WorkerTimeProfiler.BLOCKED), params.getMode()));
        }
        StringBuilder text = new StringBuilder();
        text.append("### ").append(row.id()).append(" (").append(row.benchmark().getSimpleName()).append(")\n\n");
        if (row.pairs().isEmpty() && row.across().isEmpty()) {
            return scores(text, byParams);
        }
        text.append("| params | Gatehouse | score ± error | peer | score ± error | speed ratio, wall (interval) "
                + "| CPU µs/op, Gatehouse | CPU µs/op, peer | speed ratio, CPU (interval) "
                + "| blocked µs/op, Gatehouse |\n");
        text.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Scores>> entry : byParams.entrySet()) {
            for (Row.Pair pair : row.pairs()) {
                Scores gatehouse = entry.getValue().get(pair.gatehouse());
                Scores peer = entry.getValue().get(pair.peer());
                if (gatehouse != null && peer != null) {
                    line(text, entry.getKey(), pair.gatehouse(), gatehouse, pair.peer(), peer);
                }
            }
            for (Row.Across across : row.across()) {
                Map<String, String> values = paramsByText.get(entry.getKey());
                if (!across.value().equals(values.get(across.param()))) {
                    continue;
                }
                Map<String, String> baselineValues = new TreeMap<>(values);
                baselineValues.put(across.param(), across.baseline());
                Map<String, Scores> baseline = byParams.getOrDefault(paramText(baselineValues), Map.of());
                for (Map.Entry<String, Scores> method : entry.getValue().entrySet()) {
                    Scores peer = baseline.get(method.getKey());
                    if (peer != null) {
                        line(text, entry.getKey(), method.getKey(), method.getValue(),
                                method.getKey() + " at " + across.param() + "=" + across.baseline(), peer);
                    }
                }
            }
        }
        text.append("\nspeed ratio = Gatehouse's speed / the peer's (ops/s divided, or time/op inverted); above 1 "
                + "means Gatehouse is faster. CPU: the CPU time of the benchmark threads per operation, which other "
                + "load on the machine hardly moves; blocked: time spent waiting to enter a synchronized block "
                + "(both from WorkerTimeProfiler). Intervals combine both JMH 99.9% errors at their worst.\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String params, String gatehouseName, Scores gatehouse,
            String peerName, Scores peer) {
        text.append("| ").append(params)
                .append(" | ").append(gatehouseName).append(" | ").append(scoreText(gatehouse.wall()))
                .append(" | ").append(peerName).append(" | ").append(scoreText(peer.wall()))
                .append(" | ").append(Ratio.of(gatehouse.wall(), peer.wall(), gatehouse.mode()).orElseThrow())
                .append(" | ").append(text(gatehouse.cpu()))
                .append(" | ").append(text(peer.cpu()))
                .append(" | ").append(Ratio.of(gatehouse.cpu(), peer.cpu(), Mode.AverageTime)
                        .map(Ratio::toString).orElse("n/a"))
                .append(" | ").append(text(gatehouse.blocked()))
                .append(" |\n");
    }

    /** A row without comparisons: each benchmark's score, CPU and blocked time. */
    private static String scores(StringBuilder text, Map<String, Map<String, Scores>> byParams) {
        text.append("| params | benchmark | score ± error | CPU µs/op | blocked µs/op |\n");
        text.append("|---|---|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Scores>> entry : byParams.entrySet()) {
            for (Map.Entry<String, Scores> method : entry.getValue().entrySet()) {
                text.append("| ").append(entry.getKey())
                        .append(" | ").append(method.getKey())
                        .append(" | ").append(scoreText(method.getValue().wall()))
                        .append(" | ").append(method.getValue().mode() == Mode.SingleShotTime ? "n/a"
                                : text(method.getValue().cpu()))
                        .append(" | ").append(text(method.getValue().blocked()))
                        .append(" |\n");
            }
        }
        text.append("\nCPU: the CPU time of the benchmark thread per operation (WorkerTimeProfiler); a database "
                + "server's own work is not in it. n/a for single shots, whose iteration set-up runs on the same "
                + "thread and would be counted.\n");
        return text.toString();
    }

    /** One benchmark's wall-clock score, CPU and blocked time per operation (when profiled) and mode. */
    private record Scores(Result<?> wall, @Nullable Result<?> cpu, @Nullable Result<?> blocked, Mode mode) {
    }

    private static String text(@Nullable Result<?> result) {
        return result == null ? "n/a" : number(result.getScore()) + " ± " + number(result.getScoreError());
    }

    private static Map<String, String> paramMap(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        return values;
    }

    private static String paramText(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            parts.add(entry.getKey() + "=" + entry.getValue());
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    static String scoreText(Result<?> result) {
        return String.format(Locale.ROOT, "%s ± %s %s", number(result.getScore()), number(result.getScoreError()),
                result.getScoreUnit());
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.3f", value);
    }

    /** Parsed command line: {@code [--quick] [row...] [-- jmh options...]}. */
    record Arguments(boolean quick, List<Row> rows, List<String> jmh) {

        static Arguments parse(String... args) {
            boolean quick = false;
            List<Row> rows = new ArrayList<>();
            List<String> jmh = new ArrayList<>();
            int i = 0;
            for (; i < args.length && !args[i].equals("--"); i++) {
                if (args[i].equals("--quick")) {
                    quick = true;
                } else {
                    String name = args[i];
                    rows.add(Row.byId(name).orElseThrow(() -> new IllegalArgumentException("Unknown row \"" + name
                            + "\"; the rows are " + List.of(Row.values()).stream().map(Row::id).toList()
                            + ". JMH options go after --.")));
                }
            }
            for (i++; i < args.length; i++) {
                jmh.add(args[i]);
            }
            return new Arguments(quick, rows.isEmpty() ? List.of(Row.values()) : List.copyOf(rows), List.copyOf(jmh));
        }
    }
}
