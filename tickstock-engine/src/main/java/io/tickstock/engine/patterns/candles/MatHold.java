package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_LONG;
import static io.tickstock.engine.patterns.CandleSetting.BODY_SHORT;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLMATHOLD; candle settings BodyLong, BodyShort. A long white candle, a short black candle
 * gapping up, two more short candles holding within 50% (TA-Lib's default penetration) of the first body,
 * then a white candle closing above all their highs. Output +100.
 */
public final class MatHold extends CandlePattern {
    /** TA-Lib's default optInPenetration. */
    static final double PENETRATION = 0.5;

    private final int bodyLong4;
    private final int bodyShort3;
    private final int bodyShort2;
    private final int bodyShort1;

    public MatHold(CandleAverages averages) {
        super("CDLMATHOLD", "MatHold", "MatHold", PatternKind.CONTINUATION, 5, longest(BODY_SHORT, BODY_LONG) + 4);
        bodyLong4 = averages.add(BODY_LONG, 4, lookback());
        bodyShort3 = averages.add(BODY_SHORT, 3, lookback());
        bodyShort2 = averages.add(BODY_SHORT, 2, lookback());
        bodyShort1 = averages.add(BODY_SHORT, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.above(h.realBody(4), h.avg(bodyLong4, 4))
                        && h.below(h.realBody(3), h.avg(bodyShort3, 3))
                        && h.below(h.realBody(2), h.avg(bodyShort2, 2))
                        && h.below(h.realBody(1), h.avg(bodyShort1, 1))
                        && h.white(4)
                        && h.black(3)
                        && h.white(0)
                        && h.realBodyGapUp(3, 4)
                        && h.bodyBottom(2) < h.close(4)
                        && h.bodyBottom(1) < h.close(4)
                        && h.bodyBottom(2) > h.close(4) - h.realBody(4) * PENETRATION
                        && h.bodyBottom(1) > h.close(4) - h.realBody(4) * PENETRATION
                        && h.bodyTop(2) < h.open(3)
                        && h.bodyTop(1) < h.bodyTop(2)
                        && h.open(0) > h.close(1)
                        && h.close(0) > Math.max(Math.max(h.high(3), h.high(2)), h.high(1))
                ? 100
                : 0;
    }
}
