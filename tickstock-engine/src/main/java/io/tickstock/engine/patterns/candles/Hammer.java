package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLHAMMER; candle settings BodyShort, ShadowLong, ShadowVeryShort, Near. A small body, a lower
 * shadow longer than the body, almost no upper shadow, the body at or near the prior candle's low. Output
 * +100.
 */
public final class Hammer extends CandlePattern {
    /** TA-Lib's lookback with the default candle settings. */
    static final int LOOKBACK = longest(BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT, NEAR) + 1;

    private final int bodyShort;
    private final int shadowLong;
    private final int shadowVeryShort;
    private final int near;

    public Hammer(CandleAverages averages) {
        super("CDLHAMMER", "Hammer", "Hammer", PatternKind.REVERSAL, 1, LOOKBACK);
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
        shadowLong = averages.add(SHADOW_LONG, 0, lookback());
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 0, lookback());
        near = averages.add(NEAR, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return shape(h) && h.bodyBottom(0) <= h.low(1) + h.avg(near, 1) ? 100 : 0;
    }

    /** A small body, a lower shadow longer than it, almost no upper shadow (shared with {@link HangingMan}). */
    boolean shape(CandleHistory h) {
        return h.below(h.realBody(0), h.avg(bodyShort, 0))
                && h.above(h.lowerShadow(0), h.avg(shadowLong, 0))
                && h.below(h.upperShadow(0), h.avg(shadowVeryShort, 0));
    }

    /** The Near average of the candles before the prior one. */
    double near(CandleHistory h) {
        return h.avg(near, 1);
    }
}
