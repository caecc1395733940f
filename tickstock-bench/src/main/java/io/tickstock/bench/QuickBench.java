package io.tickstock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.cli.EmbeddedRedis;
import io.tickstock.contract.Json;
import io.tickstock.engine.session.NyseCalendar;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code tickstock bench quick}: the README's performance figures in one JSON object (about 3 minutes on two cores):
 * replay throughput without I/O, the ta4j ratio (JMH), the backtests, the bar-close burst at 500 and 10,000 symbols
 * into a real Redis against the same messages' Redis floor (each burst in its own JVM with a 512 MB heap), the heap
 * at 10,000 symbols, one shard's time per symbol, the engine's RSS, and a short end-to-end run (8 s measured once the
 * JIT has settled). Runs on the calling thread.
 */
final class QuickBench {
    /** The end-to-end run's size (the {@code bench} command's options). */
    record E2e(int symbols, int clients, int rate, long bufferMs, String frames, int shards) {}

    private QuickBench() {}

    /** Runs every figure; @return them, ordered for printing as JSON */
    static Map<String, Object> run(E2e e, Path work) throws Exception {
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
            out.put("burst_500_floor_ratio", ratio(b500.get("burst_ms"), b500.get("redis_floor_ms")));
            out.put("burst_ms_10k", b10k.get("burst_ms"));
            out.put("redis_floor_ms_10k", b10k.get("redis_floor_ms"));
            out.put("burst_10k_floor_ratio", ratio(b10k.get("burst_ms"), b10k.get("redis_floor_ms")));
            out.put("heap_mb_10k", b10k.get("heap_mb"));
            Map<String, Object> alone = burst("none", 500, 150, "1");
            double shardMs = (double) Objects.requireNonNull(alone.get("shard_ms"));
            out.put("shard_us_per_symbol", Math.round(shardMs / 500 * 10_000) / 10.0);
            out.put("rss_mb_500", EngineMemory.rssMb(redis.url(), 500, 30));
            out.put("burst_500", b500);
            out.put("burst_10k", b10k);
        }
        Map<String, Object> e2e = EndToEndBench.run(
                new EndToEndBench.Options(
                        e.symbols(), e.clients(), e.rate(), 8, 3, 4, e.bufferMs(), e.frames(), e.shards()),
                work);
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

    /** {@code a / b} to two decimals, or null when either is missing (JSON has no NaN). */
    private static @Nullable Double ratio(@Nullable Object a, @Nullable Object b) {
        if (!(a instanceof Number x) || !(b instanceof Number y) || y.doubleValue() <= 0) return null;
        return Math.round(x.doubleValue() / y.doubleValue() * 100) / 100.0;
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
