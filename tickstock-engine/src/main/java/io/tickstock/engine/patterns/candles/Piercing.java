package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLPIERCING; candle settings BodyLong. A long black candle, then a long white candle opening
 * below its low and closing above its midpoint but below its open. Output +100.
 */
public final class Piercing extends CandlePattern {
    private final int bodyLong1;
    private final int bodyLong0;

    public Piercing(CandleAverages averages) {
        super("CDLPIERCING", "Piercing", "Piercing", PatternKind.REVERSAL, 2, longest(BODY_LONG) + 1);
        bodyLong1 = averages.add(BODY_LONG, 1, lookback());
        bodyLong0 = averages.add(BODY_LONG, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(1)
                        && h.above(h.realBody(1), h.avg(bodyLong1, 1))
                        && h.white(0)
                        && h.above(h.realBody(0), h.avg(bodyLong0, 0))
                        && h.open(0) < h.low(1)
                        && h.close(0) < h.open(1)
                        && h.close(0) > h.close(1) + h.realBody(1) * 0.5
                ? 100
                : 0;
    }
}
