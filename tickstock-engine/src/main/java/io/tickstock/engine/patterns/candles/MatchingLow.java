package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.EQUAL;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLMATCHINGLOW; candle settings Equal. Two black candles closing at the same price (within the
 * Equal average). Output +100.
 */
public final class MatchingLow extends CandlePattern {
    private final int equal;

    public MatchingLow(CandleAverages averages) {
        super("CDLMATCHINGLOW", "MatchingLow", "MatchingLow", PatternKind.REVERSAL, 2, longest(EQUAL) + 1);
        equal = averages.add(EQUAL, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(1)
                        && h.black(0)
                        && h.close(0) <= h.close(1) + h.avg(equal, 1)
                        && h.close(0) >= h.close(1) - h.avg(equal, 1)
                ? 100
                : 0;
    }
}
