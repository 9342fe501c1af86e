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
 * <p>Arguments: {@code --quick} for a smoke run (1 fork, 1 short warm-up, 3 short iterations), then row names
 * ({@code token}, {@code bcrypt}, {@code pbkdf2}, {@code login}; none means all), then optionally {@code --}
 * and JMH options, which override the row's settings ({@code -f}, {@code -wi}, {@code -w}, {@code -i}, {@code -r},
 * {@code -p}, {@code -prof}...). Each row's JMH results go to {@code <out>/<row>.json}, where {@code <out>} is
 * the system property {@code gatehouse.bench.out} or {@code benchmarks/results}.
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
        for (Row row : parsed.rows()) {
            results.put(row, new Runner(options(row, parsed, out).build()).run());
        }
        console.println();
        console.println(machine());
        for (Map.Entry<Row, Collection<RunResult>> entry : results.entrySet()) {
            console.println();
            console.print(ratios(entry.getKey(), entry.getValue()));
        }
    }

    static ChainedOptionsBuilder options(Row row, Arguments args, Path out) throws CommandLineOptionException {
        CommandLineOptions jmh = new CommandLineOptions(args.jmh().toArray(String[]::new));
        if (!jmh.getIncludes().isEmpty()) {
            throw new IllegalArgumentException("Benchmark patterns " + jmh.getIncludes() + " after -- would be "
                    + "ignored: Compare runs whole rows. For single benchmarks run JMH directly: "
                    + "java -jar benchmarks/target/benchmarks.jar <pattern> [options].");
        }
        Row.Settings settings = args.quick() ? Row.Settings.quick() : row.settings();
        ChainedOptionsBuilder builder = new OptionsBuilder().parent(jmh)
                .include(row.include())
                .addProfiler(WorkerTimeProfiler.class)
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve(row.id() + ".json").toString());
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

    /** The ratio table of one row, in Markdown, from its JMH results. */
    static String ratios(Row row, Collection<RunResult> results) {
        Map<String, Map<String, Scores>> byParams = new TreeMap<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            String benchmark = params.getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            byParams.computeIfAbsent(paramText(params), k -> new TreeMap<>()).put(method,
                    new Scores(result.getPrimaryResult(), result.getSecondaryResults().get(WorkerTimeProfiler.CPU),
                            result.getSecondaryResults().get(WorkerTimeProfiler.BLOCKED), params.getMode()));
        }
        StringBuilder text = new StringBuilder();
        text.append("### ").append(row.id()).append(" (").append(row.benchmark().getSimpleName()).append(")\n\n");
        text.append("| params | Gatehouse | score ± error | peer | score ± error | speed ratio, wall (interval) "
                + "| CPU µs/op, Gatehouse | CPU µs/op, peer | speed ratio, CPU (interval) "
                + "| blocked µs/op, Gatehouse |\n");
        text.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, Scores>> entry : byParams.entrySet()) {
            for (Row.Pair pair : row.pairs()) {
                Scores gatehouse = entry.getValue().get(pair.gatehouse());
                Scores peer = entry.getValue().get(pair.peer());
                if (gatehouse == null || peer == null) {
                    continue;
                }
                text.append("| ").append(entry.getKey())
                        .append(" | ").append(pair.gatehouse()).append(" | ").append(scoreText(gatehouse.wall()))
                        .append(" | ").append(pair.peer()).append(" | ").append(scoreText(peer.wall()))
                        .append(" | ").append(Ratio.of(gatehouse.wall(), peer.wall(), gatehouse.mode()).orElseThrow())
                        .append(" | ").append(text(gatehouse.cpu()))
                        .append(" | ").append(text(peer.cpu()))
                        .append(" | ").append(Ratio.of(gatehouse.cpu(), peer.cpu(), Mode.AverageTime)
                                .map(Ratio::toString).orElse("n/a"))
                        .append(" | ").append(text(gatehouse.blocked()))
                        .append(" |\n");
            }
        }
        text.append("\nspeed ratio = Gatehouse's speed / the peer's (ops/s divided, or time/op inverted); above 1 "
                + "means Gatehouse is faster. CPU: the CPU time of the benchmark threads per operation, which other "
                + "load on the machine hardly moves; blocked: time spent waiting to enter a synchronized block "
                + "(both from WorkerTimeProfiler). Intervals combine both JMH 99.9% errors at their worst.\n");
        return text.toString();
    }

    /** One benchmark's wall-clock score, CPU and blocked time per operation (when profiled) and mode. */
    private record Scores(Result<?> wall, @Nullable Result<?> cpu, @Nullable Result<?> blocked, Mode mode) {
    }

    private static String text(@Nullable Result<?> result) {
        return result == null ? "n/a" : number(result.getScore()) + " ± " + number(result.getScoreError());
    }

    private static String paramText(BenchmarkParams params) {
        List<String> parts = new ArrayList<>();
        for (Object key : params.getParamsKeys()) {
            parts.add(key + "=" + params.getParam(String.valueOf(key)));
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
