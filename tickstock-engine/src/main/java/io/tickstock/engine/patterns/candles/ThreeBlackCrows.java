package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDL3BLACKCROWS; candle settings ShadowVeryShort. After a white candle, three black candles with
 * very short lower shadows, each opening within the prior body and closing lower, the first closing under
 * the white candle's high. Output −100.
 */
public final class ThreeBlackCrows extends CandlePattern {
    private final int shadow2;
    private final int shadow1;
    private final int shadow0;

    public ThreeBlackCrows(CandleAverages averages) {
        super(
                "CDL3BLACKCROWS",
                "ThreeBlackCrows",
                "ThreeBlackCrows",
                PatternKind.REVERSAL,
                4,
                longest(SHADOW_VERY_SHORT) + 3);
        shadow2 = averages.add(SHADOW_VERY_SHORT, 2, lookback());
        shadow1 = averages.add(SHADOW_VERY_SHORT, 1, lookback());
        shadow0 = averages.add(SHADOW_VERY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.white(3)
                        && h.black(2)
                        && h.below(h.lowerShadow(2), h.avg(shadow2, 2))
                        && h.black(1)
                        && h.below(h.lowerShadow(1), h.avg(shadow1, 1))
                        && h.black(0)
                        && h.below(h.lowerShadow(0), h.avg(shadow0, 0))
                        && h.open(1) < h.open(2)
                        && h.open(1) > h.close(2)
                        && h.open(0) < h.open(1)
                        && h.open(0) > h.close(1)
                        && h.high(3) > h.close(2)
                        && h.close(2) > h.close(1)
                        && h.close(1) > h.close(0)
                ? -100
                : 0;
    }
}
