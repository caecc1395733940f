package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDL3INSIDE; candle settings BodyLong, BodyShort. A long candle, a short candle whose body lies
 * inside it (harami), and a third candle of opposite color to the first closing beyond the first candle's
 * open. Output +100 (up) or −100 (down).
 */
public final class ThreeInside extends CandlePattern {
    private final int bodyLong;
    private final int bodyShort;

    public ThreeInside(CandleAverages averages) {
        super(
                "CDL3INSIDE",
                "ThreeInsideUp",
                "ThreeInsideDown",
                PatternKind.REVERSAL,
                3,
                longest(BODY_SHORT, BODY_LONG) + 2);
        bodyLong = averages.add(BODY_LONG, 2, lookback());
        bodyShort = averages.add(BODY_SHORT, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.above(h.realBody(2), h.avg(bodyLong, 2))
                && h.atMost(h.realBody(1), h.avg(bodyShort, 1))
                && h.bodyTop(1) < h.bodyTop(2)
                && h.bodyBottom(1) > h.bodyBottom(2)
                && ((h.white(2) && h.black(0) && h.close(0) < h.open(2))
                        || (h.black(2) && h.white(0) && h.close(0) > h.open(2)))) {
            return -h.color(2) * 100;
        }
        return 0;
    }
}
