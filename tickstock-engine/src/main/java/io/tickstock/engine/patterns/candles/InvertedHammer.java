package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLINVERTEDHAMMER; candle settings BodyShort, ShadowLong, ShadowVeryShort. A small body gapping
 * down from the prior body, an upper shadow longer than the body, almost no lower shadow. Output +100.
 */
public final class InvertedHammer extends CandlePattern {
    /** TA-Lib's lookback with the default candle settings. */
    static final int LOOKBACK = longest(BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT) + 1;

    private final int bodyShort;
    private final int shadowLong;
    private final int shadowVeryShort;

    public InvertedHammer(CandleAverages averages) {
        super("CDLINVERTEDHAMMER", "InvertedHammer", "InvertedHammer", PatternKind.REVERSAL, 1, LOOKBACK);
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
        shadowLong = averages.add(SHADOW_LONG, 0, lookback());
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return shape(h) && h.realBodyGapDown(0, 1) ? 100 : 0;
    }

    /** A small body, an upper shadow longer than it, almost no lower shadow (shared with {@link ShootingStar}). */
    boolean shape(CandleHistory h) {
        return h.below(h.realBody(0), h.avg(bodyShort, 0))
                && h.above(h.upperShadow(0), h.avg(shadowLong, 0))
                && h.below(h.lowerShadow(0), h.avg(shadowVeryShort, 0));
    }
}
