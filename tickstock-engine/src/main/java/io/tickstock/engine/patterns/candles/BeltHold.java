package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLBELTHOLD; candle settings BodyLong, ShadowVeryShort. A long candle opening at its extreme:
 * white with almost no lower shadow, or black with almost no upper shadow. Output ±100 with its color.
 */
public final class BeltHold extends CandlePattern {
    private final int bodyLong;
    private final int shadowVeryShort;

    public BeltHold(CandleAverages averages) {
        super(
                "CDLBELTHOLD",
                "BullishBeltHold",
                "BearishBeltHold",
                PatternKind.REVERSAL,
                1,
                longest(BODY_LONG, SHADOW_VERY_SHORT));
        bodyLong = averages.add(BODY_LONG, 0, lookback());
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.above(h.realBody(0), h.avg(bodyLong, 0))
                && ((h.white(0) && h.below(h.lowerShadow(0), h.avg(shadowVeryShort, 0)))
                        || (h.black(0) && h.below(h.upperShadow(0), h.avg(shadowVeryShort, 0))))) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
