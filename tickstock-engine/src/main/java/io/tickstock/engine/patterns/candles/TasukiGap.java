package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.NEAR;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLTASUKIGAP; candle settings Near. A gap between two bodies, then a candle of the opposite color
 * opening inside the second body and closing inside the gap, the two last bodies of about the same size.
 * Output ±100 with the gap's direction.
 */
public final class TasukiGap extends CandlePattern {
    private final int near;

    public TasukiGap(CandleAverages averages) {
        super("CDLTASUKIGAP", "UpsideTasukiGap", "DownsideTasukiGap", PatternKind.CONTINUATION, 3, longest(NEAR) + 2);
        near = averages.add(NEAR, 1, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        if ((h.realBodyGapUp(1, 2)
                        && h.white(1)
                        && h.black(0)
                        && h.open(0) < h.close(1)
                        && h.open(0) > h.open(1)
                        && h.close(0) < h.open(1)
                        && h.close(0) > h.bodyTop(2)
                        && h.below(Math.abs(h.realBody(1) - h.realBody(0)), h.avg(near, 1)))
                || (h.realBodyGapDown(1, 2)
                        && h.black(1)
                        && h.white(0)
                        && h.open(0) < h.open(1)
                        && h.open(0) > h.close(1)
                        && h.close(0) > h.open(1)
                        && h.close(0) < h.bodyBottom(2)
                        && h.below(Math.abs(h.realBody(1) - h.realBody(0)), h.avg(near, 1)))) {
            return h.color(1) * 100;
        }
        return 0;
    }
}
