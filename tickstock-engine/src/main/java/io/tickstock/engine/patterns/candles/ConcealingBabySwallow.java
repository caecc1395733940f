package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLCONCEALBABYSWALL; candle settings ShadowVeryShort. Two black marubozu, a black candle gapping
 * down whose long upper shadow reaches into the second, and a black candle engulfing the third including
 * its shadows. Output +100.
 */
public final class ConcealingBabySwallow extends CandlePattern {
    private final int shadow3;
    private final int shadow2;
    private final int shadow1;

    public ConcealingBabySwallow(CandleAverages averages) {
        super(
                "CDLCONCEALBABYSWALL",
                "ConcealingBabySwallow",
                "ConcealingBabySwallow",
                PatternKind.REVERSAL,
                4,
                longest(SHADOW_VERY_SHORT) + 3);
        shadow3 = averages.add(SHADOW_VERY_SHORT, 3, lookback());
        shadow2 = averages.add(SHADOW_VERY_SHORT, 2, lookback());
        shadow1 = averages.add(SHADOW_VERY_SHORT, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(3)
                        && h.black(2)
                        && h.black(1)
                        && h.black(0)
                        && h.below(h.lowerShadow(3), h.avg(shadow3, 3))
                        && h.below(h.upperShadow(3), h.avg(shadow3, 3))
                        && h.below(h.lowerShadow(2), h.avg(shadow2, 2))
                        && h.below(h.upperShadow(2), h.avg(shadow2, 2))
                        && h.realBodyGapDown(1, 2)
                        && h.above(h.upperShadow(1), h.avg(shadow1, 1))
                        && h.high(1) > h.close(2)
                        && h.high(0) > h.high(1)
                        && h.low(0) < h.low(1)
                ? 100
                : 0;
    }
}
