package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLHIGHWAVE; candle settings BodyShort, ShadowVeryLong. A short body with very long upper and
 * lower shadows. Output ±100 with its color. (TA-Lib's Java port spells the method cdlHignWave.)
 */
public final class HighWave extends CandlePattern {
    private final int bodyShort;
    private final int shadowVeryLong;

    public HighWave(CandleAverages averages) {
        super("CDLHIGHWAVE", "HighWave", "HighWave", PatternKind.INDECISION, 1, longest(BODY_SHORT, SHADOW_VERY_LONG));
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
        shadowVeryLong = averages.add(SHADOW_VERY_LONG, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.below(h.realBody(0), h.avg(bodyShort, 0))
                && h.above(h.upperShadow(0), h.avg(shadowVeryLong, 0))
                && h.above(h.lowerShadow(0), h.avg(shadowVeryLong, 0))) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
