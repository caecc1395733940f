package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLSTALLEDPATTERN; candle settings BodyLong, Near, BodyShort, ShadowVeryShort. Two long rising
 * white candles (the second with almost no upper shadow), then a small white candle riding on the second's
 * shoulder. Output −100.
 */
public final class StalledPattern extends CandlePattern {
    private final int bodyLong2;
    private final int bodyLong1;
    private final int near2;
    private final int near1;
    private final int bodyShort;
    private final int shadowVeryShort;

    public StalledPattern(CandleAverages averages) {
        super(
                "CDLSTALLEDPATTERN",
                "StalledPattern",
                "StalledPattern",
                PatternKind.REVERSAL,
                3,
                longest(BODY_LONG, BODY_SHORT, SHADOW_VERY_SHORT, NEAR) + 2);
        bodyLong2 = averages.add(BODY_LONG, 2, lookback());
        bodyLong1 = averages.add(BODY_LONG, 1, lookback());
        near2 = averages.add(NEAR, 2, lookback());
        near1 = averages.add(NEAR, 1, lookback());
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.white(2)
                        && h.white(1)
                        && h.white(0)
                        && h.close(0) > h.close(1)
                        && h.close(1) > h.close(2)
                        && h.above(h.realBody(2), h.avg(bodyLong2, 2))
                        && h.above(h.realBody(1), h.avg(bodyLong1, 1))
                        && h.below(h.upperShadow(1), h.avg(shadowVeryShort, 1))
                        && h.open(1) > h.open(2)
                        && h.open(1) <= h.close(2) + h.avg(near2, 2)
                        && h.below(h.realBody(0), h.avg(bodyShort, 0))
                        && h.open(0) >= h.close(1) - h.realBody(0) - h.avg(near1, 1)
                ? -100
                : 0;
    }
}
