package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_DOJI;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_LONG;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLLONGLEGGEDDOJI; candle settings BodyDoji, ShadowLong. A doji with a long upper or lower
 * shadow. Output +100.
 */
public final class LongLeggedDoji extends CandlePattern {
    private final int bodyDoji;
    private final int shadowLong;

    public LongLeggedDoji(CandleAverages averages) {
        super(
                "CDLLONGLEGGEDDOJI",
                "LongLeggedDoji",
                "LongLeggedDoji",
                PatternKind.INDECISION,
                1,
                longest(BODY_DOJI, SHADOW_LONG));
        bodyDoji = averages.add(BODY_DOJI, 0, lookback());
        shadowLong = averages.add(SHADOW_LONG, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.atMost(h.realBody(0), h.avg(bodyDoji, 0))
                        && (h.above(h.lowerShadow(0), h.avg(shadowLong, 0))
                                || h.above(h.upperShadow(0), h.avg(shadowLong, 0)))
                ? 100
                : 0;
    }
}
