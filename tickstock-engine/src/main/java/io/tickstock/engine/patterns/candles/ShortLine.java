package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLSHORTLINE; candle settings BodyShort, ShadowShort. A short body with short shadows. Output
 * ±100 with its color.
 */
public final class ShortLine extends CandlePattern {
    private final int bodyShort;
    private final int shadowShort;

    public ShortLine(CandleAverages averages) {
        super("CDLSHORTLINE", "ShortLine", "ShortLine", PatternKind.INDECISION, 1, longest(BODY_SHORT, SHADOW_SHORT));
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
        shadowShort = averages.add(SHADOW_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.below(h.realBody(0), h.avg(bodyShort, 0))
                && h.below(h.upperShadow(0), h.avg(shadowShort, 0))
                && h.below(h.lowerShadow(0), h.avg(shadowShort, 0))) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
