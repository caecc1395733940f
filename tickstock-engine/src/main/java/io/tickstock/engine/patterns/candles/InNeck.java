package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.EQUAL;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLINNECK; candle settings Equal, BodyLong. A long black candle, then a white candle opening
 * below its low and closing at or just above its close. Output −100.
 */
public final class InNeck extends CandlePattern {
    private final int equal;
    private final int bodyLong;

    public InNeck(CandleAverages averages) {
        super("CDLINNECK", "InNeck", "InNeck", PatternKind.CONTINUATION, 2, longest(EQUAL, BODY_LONG) + 1);
        equal = averages.add(EQUAL, 1, lookback());
        bodyLong = averages.add(BODY_LONG, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(1)
                        && h.above(h.realBody(1), h.avg(bodyLong, 1))
                        && h.white(0)
                        && h.open(0) < h.low(1)
                        && h.close(0) <= h.close(1) + h.avg(equal, 1)
                        && h.close(0) >= h.close(1)
                ? -100
                : 0;
    }
}
