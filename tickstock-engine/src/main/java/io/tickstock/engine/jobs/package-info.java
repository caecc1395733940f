/**
 * Backtest jobs at the edges: the job channel and its progress and result events on Redis, the {@code backtest_jobs}
 * table, and the historical bars a job reads ({@link io.tickstock.engine.jobs.BacktestWorker}). The backtest itself is
 * {@link io.tickstock.engine.backtest}.
 */
@NullMarked
package io.tickstock.engine.jobs;

import org.jspecify.annotations.NullMarked;
