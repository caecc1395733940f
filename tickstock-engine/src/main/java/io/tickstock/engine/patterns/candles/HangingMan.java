package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.longest;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLHANGINGMAN; candle settings BodyShort, ShadowLong, ShadowVeryShort, Near. A hammer-shaped
 * candle whose body is at or near the prior candle's high. Output −100.
 */
public final class HangingMan extends CandlePattern {
    private final int bodyShort;
    private final int shadowLong;
    private final int shadowVeryShort;
    private final int near;

    public HangingMan(CandleAverages averages) {
        super("CDLHANGINGMAN", "HangingMan", "HangingMan", PatternKind.REVERSAL, 1, longest(BODY_SHORT, SHADOW_LONG, SHADOW_VERY_SHORT, NEAR) + 1);
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
        shadowLong = averages.add(SHADOW_LONG, 0, lookback());
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 0, lookback());
        near = averages.add(NEAR, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.below(h.realBody(0), h.avg(bodyShort, 0))
                && h.above(h.lowerShadow(0), h.avg(shadowLong, 0))
                && h.below(h.upperShadow(0), h.avg(shadowVeryShort, 0))
                && h.bodyBottom(0) >= h.high(1) - h.avg(near, 1) ? -100 : 0;
    }
}
