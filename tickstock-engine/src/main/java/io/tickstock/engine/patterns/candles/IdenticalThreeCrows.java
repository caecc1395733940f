package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.EQUAL;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLIDENTICAL3CROWS; candle settings ShadowVeryShort, Equal. Three falling black candles with very
 * short lower shadows, each opening at about the prior close. Output −100.
 */
public final class IdenticalThreeCrows extends CandlePattern {
    private final int shadow2;
    private final int shadow1;
    private final int shadow0;
    private final int equal2;
    private final int equal1;

    public IdenticalThreeCrows(CandleAverages averages) {
        super(
                "CDLIDENTICAL3CROWS",
                "IdenticalThreeCrows",
                "IdenticalThreeCrows",
                PatternKind.REVERSAL,
                3,
                longest(SHADOW_VERY_SHORT, EQUAL) + 2);
        shadow2 = averages.add(SHADOW_VERY_SHORT, 2, lookback());
        shadow1 = averages.add(SHADOW_VERY_SHORT, 1, lookback());
        shadow0 = averages.add(SHADOW_VERY_SHORT, 0, lookback());
        equal2 = averages.add(EQUAL, 2, lookback());
        equal1 = averages.add(EQUAL, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(2)
                        && h.below(h.lowerShadow(2), h.avg(shadow2, 2))
                        && h.black(1)
                        && h.below(h.lowerShadow(1), h.avg(shadow1, 1))
                        && h.black(0)
                        && h.below(h.lowerShadow(0), h.avg(shadow0, 0))
                        && h.close(2) > h.close(1)
                        && h.close(1) > h.close(0)
                        && h.open(1) <= h.close(2) + h.avg(equal2, 2)
                        && h.open(1) >= h.close(2) - h.avg(equal2, 2)
                        && h.open(0) <= h.close(1) + h.avg(equal1, 1)
                        && h.open(0) >= h.close(1) - h.avg(equal1, 1)
                ? -100
                : 0;
    }
}
