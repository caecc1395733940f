package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_DOJI;
import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLHARAMICROSS; candle settings BodyLong, BodyDoji. A long candle followed by a doji whose body
 * lies strictly inside the first body. Output −100 after a white candle, +100 after a black one.
 */
public final class HaramiCross extends CandlePattern {
    private final int bodyLong;
    private final int bodyDoji;

    public HaramiCross(CandleAverages averages) {
        super(
                "CDLHARAMICROSS",
                "BullishHaramiCross",
                "BearishHaramiCross",
                PatternKind.REVERSAL,
                2,
                longest(BODY_DOJI, BODY_LONG) + 1);
        bodyLong = averages.add(BODY_LONG, 1, lookback());
        bodyDoji = averages.add(BODY_DOJI, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.above(h.realBody(1), h.avg(bodyLong, 1))
                && h.atMost(h.realBody(0), h.avg(bodyDoji, 0))
                && h.bodyTop(0) < h.bodyTop(1)
                && h.bodyBottom(0) > h.bodyBottom(1)) {
            return -h.color(1) * 100;
        }
        return 0;
    }
}
