package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_DOJI;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLGRAVESTONEDOJI; candle settings BodyDoji, ShadowVeryShort. A doji with almost no lower shadow
 * and an upper shadow that is not very short. Output +100 (TA-Lib does not sign it).
 */
public final class GravestoneDoji extends CandlePattern {
    private final int bodyDoji;
    private final int shadowVeryShort;

    public GravestoneDoji(CandleAverages averages) {
        super(
                "CDLGRAVESTONEDOJI",
                "GravestoneDoji",
                "GravestoneDoji",
                PatternKind.INDECISION,
                1,
                longest(BODY_DOJI, SHADOW_VERY_SHORT));
        bodyDoji = averages.add(BODY_DOJI, 0, lookback());
        shadowVeryShort = averages.add(SHADOW_VERY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.atMost(h.realBody(0), h.avg(bodyDoji, 0))
                        && h.below(h.lowerShadow(0), h.avg(shadowVeryShort, 0))
                        && h.above(h.upperShadow(0), h.avg(shadowVeryShort, 0))
                ? 100
                : 0;
    }
}
