package io.tickstock.engine.jobs;

/**
 * What backtest jobs may cost a worker, checked before a job's bars are read, so that a job too big for the process
 * fails with the reason instead of exhausting the heap the live engine shares.
 *
 * @param maxBars          most bars one job may read ({@code --backtest-max-bars}), estimated from the data first
 * @param maxPending       most jobs queued or running at once, all users together; a job beyond fails "queue full"
 * @param maxPendingByUser most jobs of one user queued or running at once
 * @param maxResultChars   largest result published whole on Redis, in characters; a larger one is published as its
 *                         summary and a {@code results_url}, the whole result staying in {@code backtest_jobs}
 */
public record JobLimits(long maxBars, int maxPending, int maxPendingByUser, int maxResultChars) {
    /** Heap a job's bars take, in bytes per bar: the bar, its adjusted copy, its detections and the simulation's steps. */
    static final long BYTES_PER_BAR = 256;

    /** 5,000,000 bars, 100 jobs pending (5 per user), results up to 512 KiB whole. */
    public static final JobLimits DEFAULTS = new JobLimits(5_000_000, 100, 5, 512 * 1024);

    public JobLimits {
        if (maxBars < 1 || maxPending < 1 || maxPendingByUser < 1 || maxResultChars < 1)
            throw new IllegalArgumentException("job limits must be positive");
    }

    /** These limits with {@code maxBars} bars per job. */
    public JobLimits withMaxBars(long bars) {
        return new JobLimits(bars, maxPending, maxPendingByUser, maxResultChars);
    }

    /**
     * The bars one job may read: {@link #maxBars}, or what a quarter of the heap ({@code maxHeapBytes}) holds at
     * {@value #BYTES_PER_BAR} bytes a bar when {@code threads} jobs run at once, whichever is less.
     */
    long barsAllowed(long maxHeapBytes, int threads) {
        return Math.min(maxBars, maxHeapBytes / 4 / BYTES_PER_BAR / Math.max(1, threads));
    }
}
