package io.tickstock.engine.bars;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The part of the US equity trading day a bar falls in, by its start time in America/New_York:
 * pre-market 04:00–09:30, regular 09:30–16:00, after-hours 16:00–20:00 (bars outside count as post).
 */
public enum MarketSession {
    PRE("pre"), REGULAR("regular"), POST("post");

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime OPEN = LocalTime.of(9, 30), CLOSE = LocalTime.of(16, 0);

    /** The contract's name: pre, regular or post. */
    public final String label;

    MarketSession(String label) {
        this.label = label;
    }

    /** Classifies a bar by its start, epoch milliseconds. */
    public static MarketSession of(long barStartMillis) {
        LocalTime t = Instant.ofEpochMilli(barStartMillis).atZone(NEW_YORK).toLocalTime();
        if (t.isBefore(OPEN)) return PRE;
        return t.isBefore(CLOSE) ? REGULAR : POST;
    }
}
