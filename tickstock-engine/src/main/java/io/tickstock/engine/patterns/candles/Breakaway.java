package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLBREAKAWAY; candle settings BodyLong. A long candle, a gap in its direction, two more candles
 * extending the move, then a candle of the opposite color closing inside the gap. Output ±100 with the
 * last candle's color.
 */
public final class Breakaway extends CandlePattern {
    private final int bodyLong;

    public Breakaway(CandleAverages averages) {
        super("CDLBREAKAWAY", "BullishBreakaway", "BearishBreakaway", PatternKind.REVERSAL, 5, longest(BODY_LONG) + 4);
        bodyLong = averages.add(BODY_LONG, 4, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.above(h.realBody(4), h.avg(bodyLong, 4))
                && h.color(4) == h.color(3)
                && h.color(3) == h.color(1)
                && h.color(1) == -h.color(0)
                && ((h.black(4)
                                && h.realBodyGapDown(3, 4)
                                && h.high(2) < h.high(3)
                                && h.low(2) < h.low(3)
                                && h.high(1) < h.high(2)
                                && h.low(1) < h.low(2)
                                && h.close(0) > h.open(3)
                                && h.close(0) < h.close(4))
                        || (h.white(4)
                                && h.realBodyGapUp(3, 4)
                                && h.high(2) > h.high(3)
                                && h.low(2) > h.low(3)
                                && h.high(1) > h.high(2)
                                && h.low(1) > h.low(2)
                                && h.close(0) < h.open(3)
                                && h.close(0) > h.close(4)))) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
