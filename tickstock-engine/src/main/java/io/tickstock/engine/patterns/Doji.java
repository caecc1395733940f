package io.tickstock.engine.patterns;

import java.util.Map;

/**
 * TA-Lib CDLDOJI; candle setting BodyDoji (real body &le; 0.1 × the average high−low range of the previous
 * 10 candles). Output 100, direction neutral. Confidence {@code 0.5 + 0.4 × m} with margin
 * {@code m = 1 − body / threshold} in [0, 1]: 0.5 at the threshold, 0.9 for a body of zero.
 */
public final class Doji implements CandlePattern {
    private final CandleAverage bodyDoji = new CandleAverage(CandleSetting.BODY_DOJI, 0);

    @Override
    public int lookback() {
        return CandleSetting.BODY_DOJI.avgPeriod;
    }

    @Override
    public Detection evaluate(CandleHistory h) {
        long index = h.count() - 1;
        if (index < lookback()) return null;
        if (index == lookback()) bodyDoji.start(h);
        double threshold = bodyDoji.average(h);
        double body = h.realBody(0);
        bodyDoji.roll(h);
        if (!(body <= threshold)) return null;
        double margin = threshold > 0 ? CandlePattern.unit(1 - body / threshold) : 1;
        return new Detection("Doji", "CDLDOJI", 100, "neutral", 0.5 + 0.4 * margin,
                Map.of("body", body, "body_threshold", threshold, "range", h.high(0) - h.low(0)));
    }
}
