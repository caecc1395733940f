package io.tickstock.engine.patterns.candles;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLKICKINGBYLENGTH; candle settings BodyLong, ShadowVeryShort. A kicking pattern whose direction
 * is the color of the longer marubozu. Output ±100.
 */
public final class KickingByLength extends CandlePattern {
    private final Kicking kicking;

    public KickingByLength(CandleAverages averages) {
        super(
                "CDLKICKINGBYLENGTH",
                "BullishKickingByLength",
                "BearishKickingByLength",
                PatternKind.REVERSAL,
                2,
                Kicking.LOOKBACK);
        kicking = new Kicking(averages);
    }

    @Override
    public int output(CandleHistory h) {
        return kicking.matches(h) ? h.color(h.realBody(0) > h.realBody(1) ? 0 : 1) * 100 : 0;
    }
}
