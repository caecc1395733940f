package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_DOJI;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLTAKURI; candle settings BodyDoji, ShadowVeryShort, ShadowVeryLong. A dragonfly doji with a
 * very long lower shadow. Output +100.
 */
public final class Takuri extends CandlePattern {
    private final int bodyDoji;
    private final int shadowVeryShort;
    private final int shadowVeryLong;

    public Takuri(CandleAverages averages) {
        super(
                "CDLTAKURI",
                "Takuri",
                "Takuri",
                PatternKind.REVERSAL,
                1,
                longest(BODY_DOJI, SHADOW_VERY_SHORT, SHADOW_VERY_LONG));
        bodyDoji = averages.add(BODY_DOJI, 0, lookback());
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 0, lookback());
        shadowVeryLong = averages.add(SHADOW_VERY_LONG, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.atMost(h.realBody(0), h.avg(bodyDoji, 0))
                        && h.below(h.upperShadow(0), h.avg(shadowVeryShort, 0))
                        && h.above(h.lowerShadow(0), h.avg(shadowVeryLong, 0))
                ? 100
                : 0;
    }
}
