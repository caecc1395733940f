package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_DOJI;
import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_LONG;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLRICKSHAWMAN; candle settings BodyDoji, ShadowLong, Near. A doji with two long shadows and its
 * body near the middle of the range. Output +100.
 */
public final class RickshawMan extends CandlePattern {
    private final int bodyDoji;
    private final int shadowLong;
    private final int near;

    public RickshawMan(CandleAverages averages) {
        super(
                "CDLRICKSHAWMAN",
                "RickshawMan",
                "RickshawMan",
                PatternKind.INDECISION,
                1,
                longest(BODY_DOJI, SHADOW_LONG, NEAR));
        bodyDoji = averages.add(BODY_DOJI, 0, lookback());
        shadowLong = averages.add(SHADOW_LONG, 0, lookback());
        near = averages.add(NEAR, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.atMost(h.realBody(0), h.avg(bodyDoji, 0))
                        && h.above(h.lowerShadow(0), h.avg(shadowLong, 0))
                        && h.above(h.upperShadow(0), h.avg(shadowLong, 0))
                        && h.bodyBottom(0) <= h.low(0) + (h.high(0) - h.low(0)) / 2 + h.avg(near, 0)
                        && h.bodyTop(0) >= h.low(0) + (h.high(0) - h.low(0)) / 2 - h.avg(near, 0)
                ? 100
                : 0;
    }
}
