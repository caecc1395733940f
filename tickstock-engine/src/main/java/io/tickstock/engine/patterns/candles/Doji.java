package io.tickstock.engine.patterns.candles;

import static io.tickstock.engine.patterns.CandleSetting.BODY_DOJI;
import static io.tickstock.engine.patterns.CandleSetting.longest;

import io.tickstock.engine.patterns.CandleAverages;
import io.tickstock.engine.patterns.CandleHistory;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.PatternKind;

/**
 * TA-Lib CDLDOJI; candle settings BodyDoji. A real body no larger than 10% of the average high−low range
 * of the previous 10 candles. Output +100.
 */
public final class Doji extends CandlePattern {
    private final int bodyDoji;

    public Doji(CandleAverages averages) {
        super("CDLDOJI", "Doji", "Doji", PatternKind.INDECISION, 1, longest(BODY_DOJI));
        bodyDoji = averages.add(BODY_DOJI, 0, lookback());
    }

    @Override
    public int output(CandleHistory h) {
        return h.atMost(h.realBody(0), h.avg(bodyDoji, 0)) ? 100 : 0;
    }
}
