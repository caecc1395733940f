package io.tickstock.bench;

import io.tickstock.app.AppConfig;
import io.tickstock.cli.CommandExtension;
import io.tickstock.contract.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
            description = "e2e: measured seconds after the warm-up (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    int duration;

    @Option(
            names = "--warmup",
            description =
                    "e2e: seconds of load before the measurement starts, and then until the JIT has settled (less than 20 ms of "
                            + "compiling a second, at most 90 s); 0: measure from the start (default: ${DEFAULT-VALUE}).",
            defaultValue = "5")
    int warmup;

    @Option(
            names = "--buffer-ms",
            description = "The app's streaming buffer interval (default: ${DEFAULT-VALUE}, the app's).",
            defaultValue = "" + AppConfig.DEFAULT_BUFFER_INTERVAL_MS)
    long bufferMs;

    @Option(
            names = "--frames",
            description = "e2e: the clients' browser frames, compact (TickStock's compact-2, as the dashboard asks) or "
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

    @Option(
            names = "--check",
            description = "quick: compare with this baseline file (e.g. docs/bench-baseline.json) and exit 1 when a "
                    + "figure is worse than its factor (3) times the baseline.")
    Path check;

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
        if (symbols < 1 || clients < 1 || rate < 1 || duration < 1 || warmup < 0)
            throw new ParameterException(
                    spec.commandLine(),
                    "--symbols, --clients, --rate and --duration must be positive, --warmup not negative");
        if (check != null && !what.equals("quick"))
            throw new ParameterException(spec.commandLine(), "--check applies to 'bench quick' only");
        if (check != null && !Files.isReadable(check))
            throw new ParameterException(spec.commandLine(), "--check: cannot read " + check);
        BaselineCheck baseline = check == null ? null : BaselineCheck.read(check); // a bad file fails before the runs
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
            case "quick" ->
                QuickBench.run(new QuickBench.E2e(symbols, clients, rate, bufferMs, frames, shardCount()), work);
            case "scale-out" -> ScaleOutBench.run(engineCounts(), symbols == 70 ? 500 : symbols, minutes, work);
            case "e2e" ->
                EndToEndBench.run(
                        new EndToEndBench.Options(
                                symbols, clients, rate, duration, warmup, 15, bufferMs, frames, shardCount()),
                        work);
            default ->
                throw new ParameterException(
                        spec.commandLine(), "the first argument must be quick, e2e or scale-out, was '" + what + "'");
        };
        boolean passed = true;
        if (baseline != null) {
            List<BaselineCheck.Verdict> verdicts = baseline.check(out);
            out.put("check", BaselineCheck.report(verdicts));
            passed = verdicts.stream().allMatch(BaselineCheck.Verdict::passed);
            for (BaselineCheck.Verdict v : verdicts) {
                if (!v.passed())
                    spec.commandLine()
                            .getErr()
                            .printf(
                                    "bench: %s is %s, worse than the limit %.2f (baseline %s in %s)%n",
                                    v.figure(),
                                    Double.isNaN(v.value()) ? "missing" : v.value(),
                                    v.limit(),
                                    v.baseline(),
                                    check);
            }
        }
        spec.commandLine().getOut().println(Json.write(out));
        spec.commandLine().getOut().flush();
        return passed ? 0 : 1;
    }

    private int shardCount() {
        return shards > 0 ? shards : Runtime.getRuntime().availableProcessors();
    }
}
