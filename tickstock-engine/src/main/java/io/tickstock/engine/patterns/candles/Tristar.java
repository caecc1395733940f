package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_DOJI;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLTRISTAR; candle settings BodyDoji. Three dojis (all against the average before the first), the
 * middle one gapping away. Output −100 when it gaps up and the third is lower, +100 when it gaps down and
 * the third is higher. TA-Lib quirk kept: all three use the Doji average of the first.
 */
public final class Tristar extends CandlePattern {
    private final int bodyDoji;

    public Tristar(CandleAverages averages) {
        super("CDLTRISTAR", "BullishTristar", "BearishTristar", PatternKind.REVERSAL, 3, longest(BODY_DOJI) + 2);
        bodyDoji = averages.add(BODY_DOJI, 2, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (!(h.atMost(h.realBody(2), h.avg(bodyDoji, 2))
                && h.atMost(h.realBody(1), h.avg(bodyDoji, 2))
                && h.atMost(h.realBody(0), h.avg(bodyDoji, 2)))) {
            return 0;
        }
        int out = 0;
        if (h.realBodyGapUp(1, 2) && h.bodyTop(0) < h.bodyTop(1)) out = -100;
        if (h.realBodyGapDown(1, 2) && h.bodyBottom(0) > h.bodyBottom(1)) out = 100;
        return out;
    }
}
