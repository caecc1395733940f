package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLHOMINGPIGEON; candle settings BodyLong, BodyShort. A long black candle followed by a short
 * black candle whose body lies inside it. Output +100.
 */
public final class HomingPigeon extends CandlePattern {
    private final int bodyLong;
    private final int bodyShort;

    public HomingPigeon(CandleAverages averages) {
        super(
                "CDLHOMINGPIGEON",
                "HomingPigeon",
                "HomingPigeon",
                PatternKind.REVERSAL,
                2,
                longest(BODY_SHORT, BODY_LONG) + 1);
        bodyLong = averages.add(BODY_LONG, 1, lookback());
        bodyShort = averages.add(BODY_SHORT, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.black(1)
                        && h.black(0)
                        && h.above(h.realBody(1), h.avg(bodyLong, 1))
                        && h.atMost(h.realBody(0), h.avg(bodyShort, 0))
                        && h.open(0) < h.open(1)
                        && h.close(0) > h.close(1)
                ? 100
                : 0;
    }
}
