package io.tickstock.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tickstock backtest-worker}: runs backtest jobs from Redis until Ctrl-C, without an engine. */
@Command(
        name = "backtest-worker",
        mixinStandardHelpOptions = true,
        description = {
            "Run backtest jobs published on tickstock.jobs.backtest (by the app or 'tickstock backtest --submit') on the "
                    + "servers of TICKSTOCK_REDIS_URL and TICKSTOCK_DATABASE_URL, reading bars from the recorded data and "
                    + "ohlcv_1min; progress and results go to the seeds' backtesting channels and backtest_jobs."
        })
public final class BacktestWorkerCommand implements Callable<Integer> {
    @Mixin
    BacktestOptions backtest;

    @Option(
            names = "--data",
            description =
                    "Market data folder (default: TICKSTOCK_DATA_DIR, else the data folder beside the repository).")
    @Nullable
    Path data;

    @Override
    public Integer call() throws Exception {
        if (backtest.backtestThreads < 1) backtest.backtestThreads = 2;
        try (Lifecycle life = new Lifecycle()) {
            Infrastructure infra = life.add(Infrastructure.fromEnvironment());
            infra.print(System.out);
            backtest.start(life, infra, BacktestOptions.dataDir(data), System.out);
            life.awaitShutdown();
        }
        return 0;
    }
}
