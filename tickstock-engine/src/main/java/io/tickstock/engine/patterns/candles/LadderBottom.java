package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLLADDERBOTTOM; candle settings ShadowVeryShort. Three falling black candles, a black candle
 * with an upper shadow, then a white candle opening above its body and closing above its high. Output
 * +100.
 */
public final class LadderBottom extends CandlePattern {
    private final int shadowVeryShort;

    public LadderBottom(CandleAverages averages) {
        super(
                "CDLLADDERBOTTOM",
                "LadderBottom",
                "LadderBottom",
                PatternKind.REVERSAL,
                5,
                longest(SHADOW_VERY_SHORT) + 4);
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(4)
                        && h.black(3)
                        && h.black(2)
                        && h.open(4) > h.open(3)
                        && h.open(3) > h.open(2)
                        && h.close(4) > h.close(3)
                        && h.close(3) > h.close(2)
                        && h.black(1)
                        && h.above(h.upperShadow(1), h.avg(shadowVeryShort, 1))
                        && h.white(0)
                        && h.open(0) > h.open(1)
                        && h.close(0) > h.high(1)
                ? 100
                : 0;
    }
}
