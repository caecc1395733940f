package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLKICKING; candle settings BodyLong, ShadowVeryShort. Two marubozu of opposite colors with a gap
 * between them. Output ±100 with the second candle's color.
 */
public final class Kicking extends CandlePattern {
    /** TA-Lib's lookback with the default candle settings. */
    static final int LOOKBACK = longest(SHADOW_VERY_SHORT, BODY_LONG) + 1;

    private final int bodyLong1;
    private final int bodyLong0;
    private final int shadow1;
    private final int shadow0;

    public Kicking(CandleAverages averages) {
        super("CDLKICKING", "BullishKicking", "BearishKicking", PatternKind.REVERSAL, 2, LOOKBACK);
        bodyLong1 = averages.add(BODY_LONG, 1, lookback());
        bodyLong0 = averages.add(BODY_LONG, 0, lookback());
        shadow1 = averages.add(SHADOW_VERY_SHORT, 1, lookback());
        shadow0 = averages.add(SHADOW_VERY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return matches(h) ? h.color(0) * 100 : 0;
    }

    /** Two marubozu of opposite colors with a gap between them (shared with {@link KickingByLength}). */
    boolean matches(CandleHistory h) {
        return h.color(1) == -h.color(0)
                && h.above(h.realBody(1), h.avg(bodyLong1, 1))
                && h.below(h.upperShadow(1), h.avg(shadow1, 1))
                && h.below(h.lowerShadow(1), h.avg(shadow1, 1))
                && h.above(h.realBody(0), h.avg(bodyLong0, 0))
                && h.below(h.upperShadow(0), h.avg(shadow0, 0))
                && h.below(h.lowerShadow(0), h.avg(shadow0, 0))
                && ((h.black(1) && h.candleGapUp(0, 1)) || (h.white(1) && h.candleGapDown(0, 1)));
    }
}
