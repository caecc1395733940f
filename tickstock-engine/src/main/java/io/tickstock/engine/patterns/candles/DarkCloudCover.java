package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLDARKCLOUDCOVER; candle settings BodyLong. A long white candle, then a black candle opening
 * above its high and closing more than 50% (TA-Lib's default penetration) into its body but above its
 * open. Output −100.
 */
public final class DarkCloudCover extends CandlePattern {
    /** TA-Lib's default optInPenetration. */
    static final double PENETRATION = 0.5;

    private final int bodyLong;

    public DarkCloudCover(CandleAverages averages) {
        super("CDLDARKCLOUDCOVER", "DarkCloudCover", "DarkCloudCover", PatternKind.REVERSAL, 2, longest(BODY_LONG) + 1);
        bodyLong = averages.add(BODY_LONG, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.white(1)
                        && h.above(h.realBody(1), h.avg(bodyLong, 1))
                        && h.black(0)
                        && h.open(0) > h.high(1)
                        && h.close(0) > h.open(1)
                        && h.close(0) < h.close(1) - h.realBody(1) * PENETRATION
                ? -100
                : 0;
    }
}
