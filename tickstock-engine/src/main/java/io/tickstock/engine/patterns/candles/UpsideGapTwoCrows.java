package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLUPSIDEGAP2CROWS; candle settings BodyLong, BodyShort. A long white candle, a short black
 * candle gapping up, and a black candle engulfing it but closing above the first close. Output −100.
 */
public final class UpsideGapTwoCrows extends CandlePattern {
    private final int bodyLong;
    private final int bodyShort;

    public UpsideGapTwoCrows(CandleAverages averages) {
        super(
                "CDLUPSIDEGAP2CROWS",
                "UpsideGapTwoCrows",
                "UpsideGapTwoCrows",
                PatternKind.REVERSAL,
                3,
                longest(BODY_SHORT, BODY_LONG) + 2);
        bodyLong = averages.add(BODY_LONG, 2, lookback());
        bodyShort = averages.add(BODY_SHORT, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.white(2)
                        && h.above(h.realBody(2), h.avg(bodyLong, 2))
                        && h.black(1)
                        && h.atMost(h.realBody(1), h.avg(bodyShort, 1))
                        && h.realBodyGapUp(1, 2)
                        && h.black(0)
                        && h.open(0) > h.open(1)
                        && h.close(0) < h.close(1)
                        && h.close(0) > h.close(2)
                ? -100
                : 0;
    }
}
