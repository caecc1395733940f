package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.EQUAL;
import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLGAPSIDESIDEWHITE; candle settings Near, Equal. A gap (up or down) followed by two white
 * candles of about the same size opening at about the same price, both beyond the gap. Output +100 for an
 * upside gap, −100 for a downside gap.
 */
public final class GapSideBySideWhite extends CandlePattern {
    private final int near;
    private final int equal;

    public GapSideBySideWhite(CandleAverages averages) {
        super(
                "CDLGAPSIDESIDEWHITE",
                "UpsideGapSideBySideWhite",
                "DownsideGapSideBySideWhite",
                PatternKind.CONTINUATION,
                3,
                longest(NEAR, EQUAL) + 2);
        near = averages.add(NEAR, 1, lookback());
        equal = averages.add(EQUAL, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if (((h.realBodyGapUp(1, 2) && h.realBodyGapUp(0, 2)) || (h.realBodyGapDown(1, 2) && h.realBodyGapDown(0, 2)))
                && h.white(1)
                && h.white(0)
                && h.realBody(0) >= h.realBody(1) - h.avg(near, 1)
                && h.realBody(0) <= h.realBody(1) + h.avg(near, 1)
                && h.open(0) >= h.open(1) - h.avg(equal, 1)
                && h.open(0) <= h.open(1) + h.avg(equal, 1)) {
            return h.realBodyGapUp(1, 2) ? 100 : -100;
        }
        return 0;
    }
}
