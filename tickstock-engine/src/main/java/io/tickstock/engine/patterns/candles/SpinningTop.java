package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLSPINNINGTOP; candle settings BodyShort. A short body with both shadows longer than the body.
 * Output ±100 with its color.
 */
public final class SpinningTop extends CandlePattern {
    private final int bodyShort;

    public SpinningTop(CandleAverages averages) {
        super("CDLSPINNINGTOP", "SpinningTop", "SpinningTop", PatternKind.INDECISION, 1, longest(BODY_SHORT));
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.below(h.realBody(0), h.avg(bodyShort, 0))
                && h.upperShadow(0) > h.realBody(0)
                && h.lowerShadow(0) > h.realBody(0)) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
