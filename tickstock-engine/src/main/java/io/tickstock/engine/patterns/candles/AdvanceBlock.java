package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.FAR;
import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_LONG;
import static io.tickstock.engine.patterns.CandleSetting.SHADOW_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLADVANCEBLOCK; candle settings ShadowShort, ShadowLong, Near, Far, BodyLong. Three rising white
 * candles (a long first one with a short upper shadow) whose advance weakens: shrinking bodies or growing
 * upper shadows. Output −100.
 */
public final class AdvanceBlock extends CandlePattern {
    private final int shadowShort2;
    private final int shadowShort1;
    private final int shadowShort0;
    private final int shadowLong0;
    private final int near2;
    private final int near1;
    private final int far2;
    private final int far1;
    private final int bodyLong;

    public AdvanceBlock(CandleAverages averages) {
        super(
                "CDLADVANCEBLOCK",
                "AdvanceBlock",
                "AdvanceBlock",
                PatternKind.REVERSAL,
                3,
                longest(SHADOW_LONG, SHADOW_SHORT, FAR, NEAR, BODY_LONG) + 2);
        shadowShort2 = averages.add(SHADOW_SHORT, 2, lookback());
        shadowShort1 = averages.add(SHADOW_SHORT, 1, lookback());
        shadowShort0 = averages.add(SHADOW_SHORT, 0, lookback());
        shadowLong0 = averages.add(SHADOW_LONG, 0, lookback());
        near2 = averages.add(NEAR, 2, lookback());
        near1 = averages.add(NEAR, 1, lookback());
        far2 = averages.add(FAR, 2, lookback());
        far1 = averages.add(FAR, 1, lookback());
        bodyLong = averages.add(BODY_LONG, 2, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.white(2)
                        && h.white(1)
                        && h.white(0)
                        && h.close(0) > h.close(1)
                        && h.close(1) > h.close(2)
                        && h.open(1) > h.open(2)
                        && h.open(1) <= h.close(2) + h.avg(near2, 2)
                        && h.open(0) > h.open(1)
                        && h.open(0) <= h.close(1) + h.avg(near1, 1)
                        && h.above(h.realBody(2), h.avg(bodyLong, 2))
                        && h.below(h.upperShadow(2), h.avg(shadowShort2, 2))
                        && ((h.realBody(1) < h.realBody(2) - h.avg(far2, 2)
                                        && h.realBody(0) < h.realBody(1) + h.avg(near1, 1))
                                || h.realBody(0) < h.realBody(1) - h.avg(far1, 1)
                                || (h.realBody(0) < h.realBody(1)
                                        && h.realBody(1) < h.realBody(2)
                                        && (h.above(h.upperShadow(0), h.avg(shadowShort0, 0))
                                                || h.above(h.upperShadow(1), h.avg(shadowShort1, 1))))
                                || (h.realBody(0) < h.realBody(1) && h.above(h.upperShadow(0), h.avg(shadowLong0, 0))))
                ? -100
                : 0;
    }
}
