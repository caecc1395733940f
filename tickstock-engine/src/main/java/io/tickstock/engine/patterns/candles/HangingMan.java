package io.tickstock.engine.patterns.candles;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLHANGINGMAN; candle settings BodyShort, ShadowLong, ShadowVeryShort, Near. A hammer-shaped
 * candle whose body is at or near the prior candle's high. Output −100.
 */
public final class HangingMan extends CandlePattern {
    private final Hammer hammer;

    public HangingMan(CandleAverages averages) {
        super("CDLHANGINGMAN", "HangingMan", "HangingMan", PatternKind.REVERSAL, 1, Hammer.LOOKBACK);
        hammer = new Hammer(averages);
    }

    @Override
    public int output(CandleHistory h) {
        return hammer.shape(h) && h.bodyBottom(0) >= h.high(1) - hammer.near(h) ? -100 : 0;
    }
}
