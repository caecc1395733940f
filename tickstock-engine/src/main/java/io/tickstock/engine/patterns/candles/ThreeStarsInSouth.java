package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDL3STARSINSOUTH; candle settings BodyLong, ShadowLong, ShadowVeryShort, BodyShort. Three black
 * candles: a long one with a long lower shadow, a smaller one opening above the first close with a higher
 * low, and a small marubozu inside the second's range. Output +100.
 */
public final class ThreeStarsInSouth extends CandlePattern {
    private final int bodyLong;
    private final int shadowLong;
    private final int shadowVeryShort1;
    private final int shadowVeryShort0;
    private final int bodyShort;

    public ThreeStarsInSouth(CandleAverages averages) {
        super(
                "CDL3STARSINSOUTH",
                "ThreeStarsInSouth",
                "ThreeStarsInSouth",
                PatternKind.REVERSAL,
                3,
                longest(SHADOW_VERY_SHORT, SHADOW_LONG, BODY_LONG, BODY_SHORT) + 2);
        bodyLong = averages.add(BODY_LONG, 2, lookback());
        shadowLong = averages.add(SHADOW_LONG, 2, lookback());
        shadowVeryShort1 = averages.add(SHADOW_VERY_SHORT, 1, lookback());
        shadowVeryShort0 = averages.add(SHADOW_VERY_SHORT, 0, lookback());
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(2)
                        && h.black(1)
                        && h.black(0)
                        && h.above(h.realBody(2), h.avg(bodyLong, 2))
                        && h.above(h.lowerShadow(2), h.avg(shadowLong, 2))
                        && h.realBody(1) < h.realBody(2)
                        && h.open(1) > h.close(2)
                        && h.open(1) <= h.high(2)
                        && h.low(1) < h.close(2)
                        && h.low(1) >= h.low(2)
                        && h.above(h.lowerShadow(1), h.avg(shadowVeryShort1, 1))
                        && h.below(h.realBody(0), h.avg(bodyShort, 0))
                        && h.below(h.lowerShadow(0), h.avg(shadowVeryShort0, 0))
                        && h.below(h.upperShadow(0), h.avg(shadowVeryShort0, 0))
                        && h.low(0) > h.low(1)
                        && h.high(0) < h.high(1)
                ? 100
                : 0;
    }
}
