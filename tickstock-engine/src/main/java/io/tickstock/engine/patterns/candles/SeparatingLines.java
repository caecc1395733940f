package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.EQUAL;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLSEPARATINGLINES; candle settings ShadowVeryShort, BodyLong, Equal. Two candles of opposite
 * colors opening at the same price, the second a long belt hold. Output ±100 with the second candle's
 * color. (TA-Lib's Java port spells the method cdlSeperatingLines.)
 */
public final class SeparatingLines extends CandlePattern {
    private final int shadowVeryShort;
    private final int bodyLong;
    private final int equal;

    public SeparatingLines(CandleAverages averages) {
        super(
                "CDLSEPARATINGLINES",
                "BullishSeparatingLines",
                "BearishSeparatingLines",
                PatternKind.CONTINUATION,
                2,
                longest(SHADOW_VERY_SHORT, BODY_LONG, EQUAL) + 1);
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 0, lookback());
        bodyLong = averages.add(BODY_LONG, 0, lookback());
        equal = averages.add(EQUAL, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.color(1) == -h.color(0)
                && h.open(0) <= h.open(1) + h.avg(equal, 1)
                && h.open(0) >= h.open(1) - h.avg(equal, 1)
                && h.above(h.realBody(0), h.avg(bodyLong, 0))
                && ((h.white(0) && h.below(h.lowerShadow(0), h.avg(shadowVeryShort, 0)))
                        || (h.black(0) && h.below(h.upperShadow(0), h.avg(shadowVeryShort, 0))))) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
