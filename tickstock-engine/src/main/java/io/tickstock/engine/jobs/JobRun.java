package io.tickstock.engine.jobs;

import io.tickstock.contract.BacktestRequest;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.backtest.Backtest;
import io.tickstock.engine.backtest.PatternFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * One backtest job's work on a pool thread: its budget checked from the data's extent before any bar is read
 * ({@link JobLimits#barsAllowed}), its bars read symbol by symbol, then {@link Backtest#run} (cancel asked at every
 * symbol and every 1,024 bars). Throws what ends it: {@link CancellationException} when cancelled,
 * {@link IllegalArgumentException} with the reason a user can act on.
 */
final class JobRun {
    private JobRun() {}

    /**
     * @param barsAllowed most bars the job may read
     * @return the results
     * @throws IllegalArgumentException when the job would read more than {@code barsAllowed} bars, or a symbol has none
     */
    static Backtest.Result run(BacktestRequest job, HistoricalBars bars, long barsAllowed, RunningJob r)
            throws Exception {
        long estimate = 0;
        for (String sym : job.symbols())
            estimate += bars.estimate(sym, job.timeframe(), job.startDate(), job.endDate());
        if (estimate > barsAllowed)
            throw new IllegalArgumentException(String.format(
                    "too big: %,d %s bars of %d symbols from %s to %s; a job may read at most %,d "
                            + "(--backtest-max-bars, and a quarter of the worker's heap): fewer symbols or a shorter range",
                    estimate, job.timeframe(), job.symbols().size(), job.startDate(), job.endDate(), barsAllowed));
        Map<String, AdjustedBars> input = new LinkedHashMap<>();
        for (int i = 0; i < job.symbols().size(); i++) {
            String sym = job.symbols().get(i);
            r.symbol = sym;
            r.progress = 0.2 * i / job.symbols().size();
            if (r.cancelled.get()) throw new CancellationException("cancelled");
            input.put(sym, bars.read(sym, job));
        }
        return Backtest.run(
                input,
                PatternFilter.of(job.patterns()),
                job.parameters(),
                f -> r.progress = 0.2 + 0.8 * f,
                r.cancelled::get);
    }
}
