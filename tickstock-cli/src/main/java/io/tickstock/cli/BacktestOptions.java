package io.tickstock.cli;

import io.tickstock.engine.jobs.BacktestWorker;
import io.tickstock.engine.jobs.HistoricalBars;
import io.tickstock.engine.jobs.JobLimits;
import io.tickstock.engine.jobs.JobStore;
import io.tickstock.engine.jobs.ScorecardStore;
import io.tickstock.engine.store.Database;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The backtest worker beside {@code engine}, {@code demo} and alone ({@code backtest-worker}): how many jobs at once. */
public final class BacktestOptions {
    @Option(
            names = "--backtest-threads",
            defaultValue = "2",
            description =
                    "Backtest jobs run at once from tickstock.jobs.backtest (default: ${DEFAULT-VALUE}; 0: none).")
    int backtestThreads;

    @Option(
            names = "--backtest-max-bars",
            defaultValue = "5000000",
            description = "Most bars one backtest job may read, estimated from the data before reading; a quarter of "
                    + "the heap caps it too (default: ${DEFAULT-VALUE}).")
    long backtestMaxBars;

    @Option(
            names = "--worker-name",
            description =
                    "This worker's name in backtest_jobs (default: the host name); jobs it left running are queued again at start.")
    @Nullable
    String workerName;

    /**
     * Starts a worker on {@code infra}'s Redis and PostgreSQL reading bars under {@code dataDir}, closed with {@code life};
     * does nothing with {@code --backtest-threads 0}.
     */
    void start(Lifecycle life, Infrastructure infra, Path dataDir, PrintStream out) throws Exception {
        if (backtestThreads <= 0) return;
        if (backtestMaxBars < 1) throw new IllegalArgumentException("--backtest-max-bars must be at least 1");
        var dataSource = life.add(Database.open(infra.database(), "tickstock-backtest", backtestThreads + 1));
        Database.migrate(dataSource);
        String name = workerName != null ? workerName : hostName();
        life.add(new BacktestWorker(
                        infra.redisUrl(),
                        name,
                        backtestThreads,
                        new JobStore(dataSource),
                        new ScorecardStore(dataSource),
                        new HistoricalBars(dataDir, dataSource),
                        JobLimits.DEFAULTS.withMaxBars(backtestMaxBars),
                        System::currentTimeMillis)
                .start());
        out.println(
                "backtest: " + backtestThreads + " jobs at once from tickstock.jobs.backtest (worker " + name + ")");
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "tickstock";
        }
    }

    /** The recorded data folder: TICKSTOCK_DATA_DIR, else the data folder beside the repository. */
    static Path dataDir(@Nullable Path given) {
        if (given != null) return given;
        String env = System.getenv("TICKSTOCK_DATA_DIR");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("tickstock.home", "."))
                .resolve("../shared/data")
                .normalize();
    }
}
