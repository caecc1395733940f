package io.tickstock.engine.jobs;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A job a {@link BacktestWorker} runs: its cancel flag (set by any thread, read by the pool thread) and its progress
 * (written by the pool thread, read by the progress ticker).
 */
final class RunningJob {
    final AtomicBoolean cancelled = new AtomicBoolean();
    /** The job's owner, or null. */
    final @Nullable String user;
    /** When it started, epoch ms. */
    final long startedMillis;
    /** The fraction done, 0..1. */
    volatile double progress;
    /** The symbol being read, or null. */
    volatile @Nullable String symbol;

    RunningJob(@Nullable String user, long startedMillis) {
        this.user = user;
        this.startedMillis = startedMillis;
    }
}
