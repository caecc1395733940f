package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.EQUAL;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLCOUNTERATTACK; candle settings BodyLong, Equal. Two long candles of opposite colors closing at
 * the same price (within the Equal average). Output ±100 with the second candle's color.
 */
public final class CounterAttack extends CandlePattern {
    private final int bodyLong1;
    private final int bodyLong0;
    private final int equal;

    public CounterAttack(CandleAverages averages) {
        super(
                "CDLCOUNTERATTACK",
                "BullishCounterAttack",
                "BearishCounterAttack",
                PatternKind.REVERSAL,
                2,
                longest(EQUAL, BODY_LONG) + 1);
        bodyLong1 = averages.add(BODY_LONG, 1, lookback());
        bodyLong0 = averages.add(BODY_LONG, 0, lookback());
        equal = averages.add(EQUAL, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (h.color(1) == -h.color(0)
                && h.above(h.realBody(1), h.avg(bodyLong1, 1))
                && h.above(h.realBody(0), h.avg(bodyLong0, 0))
                && h.close(0) <= h.close(1) + h.avg(equal, 1)
                && h.close(0) >= h.close(1) - h.avg(equal, 1)) {
            return h.color(0) * 100;
        }
        return 0;
    }
}
