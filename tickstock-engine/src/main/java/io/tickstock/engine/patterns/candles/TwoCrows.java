package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDL2CROWS; candle settings BodyLong. A long white candle, a black candle whose body gaps above
 * it, and a black candle opening inside the second body and closing inside the first. Output −100.
 */
public final class TwoCrows extends CandlePattern {
    private final int bodyLong;

    public TwoCrows(CandleAverages averages) {
        super("CDL2CROWS", "TwoCrows", "TwoCrows", PatternKind.REVERSAL, 3, longest(BODY_LONG) + 2);
        bodyLong = averages.add(BODY_LONG, 2, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.white(2)
                        && h.above(h.realBody(2), h.avg(bodyLong, 2))
                        && h.black(1)
                        && h.realBodyGapUp(1, 2)
                        && h.black(0)
                        && h.open(0) < h.open(1)
                        && h.open(0) > h.close(1)
                        && h.close(0) > h.open(2)
                        && h.close(0) < h.close(2)
                ? -100
                : 0;
    }
}
