package io.tickstock.app.stream;

/**
 * What the app forwards to browsers and how, the seeds' streaming settings under TickStock's names
 * (docs/configuration.md maps them).
 *
 * @param patternMinConfidence patterns below this confidence (0..1) are counted ({@code pattern.below_min_confidence})
 *                             and not forwarded (TICKSTOCK_PATTERN_MIN_CONFIDENCE; seeds' STREAMING_PATTERN_MIN_CONFIDENCE;
 *                             default 0: every pattern)
 * @param buffering            batch patterns and coalesce indicator values and bars between flushes
 *                             (TICKSTOCK_BUFFERING; seeds' STREAMING_BUFFER_ENABLED; default true); off, each item
 *                             goes out at once in its own frame
 * @param browserHistory       patterns and alerts a browser keeps in its lists and gets in its snapshot on connect
 *                             (TICKSTOCK_BROWSER_HISTORY; seeds' STREAMING_MAX_HISTORY_SIZE; default 200, 10 to 5,000)
 */
public record Delivery(double patternMinConfidence, boolean buffering, int browserHistory) {
    public static final Delivery DEFAULTS = new Delivery(0, true, 200);

    /** @throws IllegalArgumentException naming the setting that is out of range */
    public Delivery {
        if (!(patternMinConfidence >= 0 && patternMinConfidence <= 1))
            throw new IllegalArgumentException(
                    "TICKSTOCK_PATTERN_MIN_CONFIDENCE must be in [0, 1], was " + patternMinConfidence);
        if (browserHistory < 10 || browserHistory > 5_000)
            throw new IllegalArgumentException("TICKSTOCK_BROWSER_HISTORY must be 10 to 5000, was " + browserHistory);
    }
}
