package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLLONGLINE; candle settings BodyLong, ShadowShort. A long body with short shadows. Output ±100
 * with its color.
 */
public final class LongLine extends CandlePattern {
    private final int bodyLong;
    private final int shadowShort;

    public LongLine(CandleAverages averages) {
        super(
                "CDLLONGLINE",
                "BullishLongLine",
                "BearishLongLine",
                PatternKind.CONTINUATION,
                1,
                longest(BODY_LONG, SHADOW_SHORT));
        bodyLong = averages.add(BODY_LONG, 0, lookback());
        shadowShort = averages.add(SHADOW_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.above(h.realBody(0), h.avg(bodyLong, 0))
                && h.below(h.upperShadow(0), h.avg(shadowShort, 0))
                && h.below(h.lowerShadow(0), h.avg(shadowShort, 0))) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
