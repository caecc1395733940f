package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.FAR;
import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_VERY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDL3WHITESOLDIERS; candle settings ShadowVeryShort, Near, Far, BodyShort. Three white candles
 * with very short upper shadows, each closing higher and opening within or near the prior body, none much
 * shorter than the one before, the last not short. Output +100.
 */
public final class ThreeWhiteSoldiers extends CandlePattern {
    private final int shadow2;
    private final int shadow1;
    private final int shadow0;
    private final int near2;
    private final int near1;
    private final int far2;
    private final int far1;
    private final int bodyShort;

    public ThreeWhiteSoldiers(CandleAverages averages) {
        super(
                "CDL3WHITESOLDIERS",
                "ThreeWhiteSoldiers",
                "ThreeWhiteSoldiers",
                PatternKind.REVERSAL,
                3,
                longest(SHADOW_VERY_SHORT, BODY_SHORT, FAR, NEAR) + 2);
        shadow2 = averages.add(SHADOW_VERY_SHORT, 2, lookback());
        shadow1 = averages.add(SHADOW_VERY_SHORT, 1, lookback());
        shadow0 = averages.add(SHADOW_VERY_SHORT, 0, lookback());
        near2 = averages.add(NEAR, 2, lookback());
        near1 = averages.add(NEAR, 1, lookback());
        far2 = averages.add(FAR, 2, lookback());
        far1 = averages.add(FAR, 1, lookback());
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.white(2)
                        && h.below(h.upperShadow(2), h.avg(shadow2, 2))
                        && h.white(1)
                        && h.below(h.upperShadow(1), h.avg(shadow1, 1))
                        && h.white(0)
                        && h.below(h.upperShadow(0), h.avg(shadow0, 0))
                        && h.close(0) > h.close(1)
                        && h.close(1) > h.close(2)
                        && h.open(1) > h.open(2)
                        && h.open(1) <= h.close(2) + h.avg(near2, 2)
                        && h.open(0) > h.open(1)
                        && h.open(0) <= h.close(1) + h.avg(near1, 1)
                        && h.realBody(1) > h.realBody(2) - h.avg(far2, 2)
                        && h.realBody(0) > h.realBody(1) - h.avg(far1, 1)
                        && h.above(h.realBody(0), h.avg(bodyShort, 0))
                ? 100
                : 0;
    }
}
