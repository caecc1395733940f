package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLUNIQUE3RIVER; candle settings BodyLong, BodyShort. A long black candle, a black harami-like
 * candle making a new low, then a short white candle opening above that low. Output +100.
 */
public final class UniqueThreeRiver extends CandlePattern {
    private final int bodyLong;
    private final int bodyShort;

    public UniqueThreeRiver(CandleAverages averages) {
        super(
                "CDLUNIQUE3RIVER",
                "UniqueThreeRiver",
                "UniqueThreeRiver",
                PatternKind.REVERSAL,
                3,
                longest(BODY_SHORT, BODY_LONG) + 2);
        bodyLong = averages.add(BODY_LONG, 2, lookback());
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.above(h.realBody(2), h.avg(bodyLong, 2))
                        && h.black(2)
                        && h.black(1)
                        && h.close(1) > h.close(2)
                        && h.open(1) <= h.open(2)
                        && h.low(1) < h.low(2)
                        && h.below(h.realBody(0), h.avg(bodyShort, 0))
                        && h.white(0)
                        && h.open(0) > h.low(1)
                ? 100
                : 0;
    }
}
