package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.EQUAL;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLSTICKSANDWICH; candle settings Equal. Two black candles closing at the same price around a
 * white candle trading above the first close. Output +100. (TA-Lib's Java port spells the method
 * cdlStickSandwhich.)
 */
public final class StickSandwich extends CandlePattern {
    private final int equal;

    public StickSandwich(CandleAverages averages) {
        super("CDLSTICKSANDWICH", "StickSandwich", "StickSandwich", PatternKind.REVERSAL, 3, longest(EQUAL) + 2);
        equal = averages.add(EQUAL, 2, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(2)
                        && h.white(1)
                        && h.black(0)
                        && h.low(1) > h.close(2)
                        && h.close(0) <= h.close(2) + h.avg(equal, 2)
                        && h.close(0) >= h.close(2) - h.avg(equal, 2)
                ? 100
                : 0;
    }
}
