package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLRISEFALL3METHODS; candle settings BodyLong, BodyShort. A long candle, three short counter-
 * trend candles within its range, then a long candle of the first color closing beyond the first close.
 * Output ±100 with the first candle's color.
 */
public final class RiseFallThreeMethods extends CandlePattern {
    private final int bodyLong4;
    private final int bodyShort3;
    private final int bodyShort2;
    private final int bodyShort1;
    private final int bodyLong0;

    public RiseFallThreeMethods(CandleAverages averages) {
        super(
                "CDLRISEFALL3METHODS",
                "RisingThreeMethods",
                "FallingThreeMethods",
                PatternKind.CONTINUATION,
                5,
                longest(BODY_SHORT, BODY_LONG) + 4);
        bodyLong4 = averages.add(BODY_LONG, 4, lookback());
        bodyShort3 = averages.add(BODY_SHORT, 3, lookback());
        bodyShort2 = averages.add(BODY_SHORT, 2, lookback());
        bodyShort1 = averages.add(BODY_SHORT, 1, lookback());
        bodyLong0 = averages.add(BODY_LONG, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        int c = h.color(4);
        if (h.above(h.realBody(4), h.avg(bodyLong4, 4))
                && h.below(h.realBody(3), h.avg(bodyShort3, 3))
                && h.below(h.realBody(2), h.avg(bodyShort2, 2))
                && h.below(h.realBody(1), h.avg(bodyShort1, 1))
                && h.above(h.realBody(0), h.avg(bodyLong0, 0))
                && c == -h.color(3)
                && h.color(3) == h.color(2)
                && h.color(2) == h.color(1)
                && h.color(1) == -h.color(0)
                && h.bodyBottom(3) < h.high(4)
                && h.bodyTop(3) > h.low(4)
                && h.bodyBottom(2) < h.high(4)
                && h.bodyTop(2) > h.low(4)
                && h.bodyBottom(1) < h.high(4)
                && h.bodyTop(1) > h.low(4)
                && h.close(2) * c < h.close(3) * c
                && h.close(1) * c < h.close(2) * c
                && h.open(0) * c > h.close(1) * c
                && h.close(0) * c > h.close(4) * c) {
            return 100 * c;
        }
        return 0;
    }
}
