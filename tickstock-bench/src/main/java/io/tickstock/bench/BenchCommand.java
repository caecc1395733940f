package io.tickstock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.app.AppConfig;
import io.tickstock.cli.CommandExtension;
import io.tickstock.cli.EmbeddedRedis;
import io.tickstock.contract.Json;
import io.tickstock.engine.session.NyseCalendar;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickstock bench quick|e2e}: the performance numbers of the README, regenerated with one command. {@code quick}
 * prints one JSON object (under a minute): replay throughput without I/O, the ta4j ratio (JMH), the bar-close burst
 * at 500 and 10,000 symbols into a real Redis and the heap at 10,000 symbols (each in its own JVM with a 512 MB heap),
 * and a short end-to-end run. {@code e2e} runs the end-to-end harness with the given size.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure TickStock: 'quick' prints one JSON object with trades_per_sec, ta4j_ratio, backtest_daily_ms_per_symbol, backtest_minute_ms, burst_ms_500, "
                    + "redis_floor_ms_500, burst_ms_10k, redis_floor_ms_10k, heap_mb_10k, shard_us_per_symbol, rss_mb_500, "
                    + "e2e_p50_ms, e2e_p99_ms (about 2 minutes); 'e2e' runs engine → Redis → app → WebSocket clients and prints "
                    + "throughput, latency percentiles, lost patterns/alerts and memory as JSON; 'scale-out' runs ingest → "
                    + "Kafka → 1, 2 and 3 engines (--engines) over a synthetic universe (--symbols, default 500) and prints "
                    + "trades/s and lag per engine count.",
            "JMH benchmarks of every hot path: scripts/jmh (see the README's performance section)."
        })
public final class BenchCommand implements Callable<Integer>, CommandExtension {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", description = "quick, e2e or scale-out")
    String what;

    @Option(
            names = "--symbols",
            description =
                    "e2e: symbols of the synthetic universe; all close a minute at once, as often as --rate allows (default: ${DEFAULT-VALUE}: a close every ~100 ms).",
            defaultValue = "70")
    int symbols;

    @Option(
            names = "--clients",
            description = "e2e: WebSocket clients, each receiving every event (default: ${DEFAULT-VALUE}).",
            defaultValue = "100")
    int clients;

    @Option(
            names = "--rate",
            description = "e2e: events per second the engine publishes (default: ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    int rate;

    @Option(
            names = "--duration",
            description = "e2e: measured seconds after a 5 s warm-up (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    int duration;

    @Option(
            names = "--buffer-ms",
            description = "The app's streaming buffer interval (default: ${DEFAULT-VALUE}, the app's).",
            defaultValue = "" + AppConfig.DEFAULT_BUFFER_INTERVAL_MS)
    long bufferMs;

    @Option(
            names = "--frames",
            description = "e2e: the clients' browser frames, compact (TickStock's compact-1, as the dashboard asks) or "
                    + "json (the contract's) (default: ${DEFAULT-VALUE}).",
            defaultValue = "compact")
    String frames;

    @Option(
            names = "--shards",
            description = "e2e: the engine's analytics shards (default: the available processors, as the engine).",
            defaultValue = "0")
    int shards;

    @Option(
            names = "--engines",
            description = "scale-out: engine counts to measure, comma-separated (default: ${DEFAULT-VALUE}).",
            defaultValue = "1,2,3")
    String engines;

    @Option(
            names = "--minutes",
            description = "scale-out: minutes of the synthetic session ingest writes (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    int minutes;

    private List<Integer> engineCounts() {
        List<Integer> counts = new ArrayList<>();
        for (String n : engines.split(",", -1)) {
            try {
                int k = Integer.parseInt(n.trim());
                if (k < 1 || k > 12) throw new NumberFormatException();
                counts.add(k);
            } catch (NumberFormatException e) {
                throw new ParameterException(
                        spec.commandLine(), "--engines takes counts of 1 to 12, was '" + engines + "'");
            }
        }
        return counts;
    }

    @Override
    public Integer call() throws Exception {
        if (symbols < 1 || clients < 1 || rate < 1 || duration < 1)
            throw new ParameterException(
                    spec.commandLine(), "--symbols, --clients, --rate and --duration must be positive");
        if (!frames.equals("compact") && !frames.equals("json"))
            throw new ParameterException(spec.commandLine(), "--frames must be compact or json, was '" + frames + "'");
        if (System.getProperty("tickstock.data.dir")
                == null) { // as the replay finds it: TICKSTOCK_DATA_DIR, else the data folder beside the repository
            String env = System.getenv("TICKSTOCK_DATA_DIR");
            System.setProperty(
                    "tickstock.data.dir",
                    env != null && !env.isBlank()
                            ? env
                            : Path.of(System.getProperty("tickstock.home", "."))
                                    .resolve("../shared/data")
                                    .normalize()
                                    .toString());
        }
        Path work = Files.createTempDirectory("tickstock-bench");
        Map<String, Object> out = switch (what) {
            case "quick" -> quick(work);
            case "scale-out" -> ScaleOutBench.run(engineCounts(), symbols == 70 ? 500 : symbols, minutes, work);
            case "e2e" ->
                EndToEndBench.run(
                        new EndToEndBench.Options(
                                symbols, clients, rate, duration, 5, 15, bufferMs, frames, shardCount()),
                        work);
            default ->
                throw new ParameterException(
                        spec.commandLine(), "the first argument must be quick, e2e or scale-out, was '" + what + "'");
        };
        spec.commandLine().getOut().println(Json.write(out));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int shardCount() {
        return shards > 0 ? shards : Runtime.getRuntime().availableProcessors();
    }

    private Map<String, Object> quick(Path work) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        out.put("trades_per_sec", tradesPerSecond());
        out.put("ta4j_ratio", ta4jRatio());
        out.putAll(BacktestBench.run());
        try (EmbeddedRedis redis = new EmbeddedRedis(0)) {
            String shards = String.valueOf(Runtime.getRuntime().availableProcessors());
            Map<String, Object> b500 = burst(redis.url(), 500, 150, shards),
                    b10k = burst(redis.url(), 10_000, 8, shards);
            out.put("burst_ms_500", b500.get("burst_ms"));
            out.put("redis_floor_ms_500", b500.get("redis_floor_ms"));
            out.put("burst_ms_10k", b10k.get("burst_ms"));
            out.put("redis_floor_ms_10k", b10k.get("redis_floor_ms"));
            out.put("heap_mb_10k", b10k.get("heap_mb"));
            Map<String, Object> alone = burst("none", 500, 150, "1");
            double shardMs = (double) Objects.requireNonNull(alone.get("shard_ms"));
            out.put("shard_us_per_symbol", Math.round(shardMs / 500 * 10_000) / 10.0);
            out.put("rss_mb_500", EngineMemory.rssMb(redis.url(), 500, 30));
            out.put("burst_500", b500);
            out.put("burst_10k", b10k);
        }
        Map<String, Object> e2e = EndToEndBench.run(
                new EndToEndBench.Options(symbols, clients, rate, 8, 3, 4, bufferMs, frames, shardCount()), work);
        out.put("e2e_p50_ms", e2e.get("p50_ms"));
        out.put("e2e_p99_ms", e2e.get("p99_ms"));
        out.put("e2e", e2e);
        out.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        return out;
    }

    /** The no-I/O replay of 2013-10-08 (4 symbols, 651,709 trades): one warm-up pass, then the median of three. */
    private static long tradesPerSecond() throws Exception {
        Map<String, String> ticks = BenchData.tickText("20131008");
        LocalDate day = LocalDate.of(2013, 10, 8);
        long from = day.atTime(9, 25).atZone(NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
        double[] rates = new double[4];
        for (int i = 0; i < rates.length; i++)
            rates[i] = NoIoReplay.run(ticks, day, from).tradesPerSecond();
        double[] measured = Arrays.copyOfRange(rates, 1, rates.length);
        Arrays.sort(measured);
        return Math.round(measured[1]);
    }

    /** JMH, one fork, 512 MB heap: ta4j's ns per bar / TickStock's, same indicators and bars. */
    private static double ta4jRatio() throws Exception {
        var options = new OptionsBuilder()
                .include(Ta4jComparisonBenchmark.class.getName() + ".*")
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs(
                        "-Xms512m",
                        "-Xmx512m",
                        "-Dtickstock.data.dir=" + BenchData.dataDir().toAbsolutePath())
                .shouldFailOnError(true)
                .build();
        double tickstock = 0, ta4j = 0;
        for (RunResult r : new Runner(options).run()) {
            double ns = r.getPrimaryResult().getScore();
            if (r.getParams().getBenchmark().endsWith("ta4jStandardSet")) ta4j = ns;
            else tickstock = ns;
        }
        return Math.round(ta4j / tickstock * 10) / 10.0;
    }

    /**
     * {@code BarCloseBurst} in its own JVM (512 MB heap, the engine's {@code --batch-events} mode); burst_ms = the median
     * of the second half of the rounds (a live engine closes a minute every minute: its JIT is warm); also the shard
     * thread's own time (watermark → last event queued), events and kilobytes of JSON per burst.
     */
    private static Map<String, Object> burst(String redisUrl, int symbols, int rounds, String shards) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xms512m",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.tickstock.bench.BarCloseBurst",
                redisUrl,
                String.valueOf(symbols),
                String.valueOf(rounds),
                "batch",
                shards));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String json = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (line.startsWith("{")) json = line;
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0 || json == null) {
            throw new IllegalStateException(
                    "the burst benchmark at " + symbols + " symbols failed (exit " + p.exitValue() + ")");
        }
        var result = Json.read(json);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("burst_ms", median(result.path("burst_ms")));
        out.put("heap_mb", result.path("heap_mb").asLong());
        out.put("shard_ms", median(result.path("shard_ms")));
        if (!result.path("redis_floor_ms").isEmpty()) out.put("redis_floor_ms", median(result.path("redis_floor_ms")));
        out.put("events_per_burst", result.path("events_per_burst").asLong());
        out.put("kb_per_burst", result.path("kb_per_burst").asLong());
        return out;
    }

    /** The median of the second half of a JSON array of numbers. */
    private static double median(JsonNode values) {
        List<Double> all = new ArrayList<>();
        values.forEach(v -> all.add(v.asDouble()));
        List<Double> measured = new ArrayList<>(all.subList(all.size() / 2, all.size()));
        measured.sort(null);
        return measured.get(measured.size() / 2);
    }
}
