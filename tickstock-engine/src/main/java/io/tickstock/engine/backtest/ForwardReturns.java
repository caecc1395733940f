package io.tickstock.engine.backtest;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened after each detection, without any stop or target: for each pattern (and symbol), the close-to-close
 * return from the detection bar's close to the close {@code h} bars later, h = 1, 5, 10, 20 — its mean, and its hit
 * rate: the fraction that moved the pattern's way (up for bullish and neutral patterns, down for bearish ones).
 * Detections too close to the end of the data for a horizon are left out of that horizon's count. Not thread-safe.
 */
public final class ForwardReturns {
    /** The horizons, in bars. */
    private static final int[] HORIZONS = {1, 5, 10, 20};

    private record Key(String pattern, String symbol, String direction) {}

    private static final class Sums {
        final long[] count = new long[HORIZONS.length], hits = new long[HORIZONS.length];
        final double[] sum = new double[HORIZONS.length];
    }

    private final PatternFilter filter;
    private final Map<Key, Sums> sums = new TreeMap<>(java.util.Comparator.comparing(Key::pattern)
            .thenComparing(Key::symbol)
            .thenComparing(Key::direction));

    public ForwardReturns(PatternFilter filter) {
        this.filter = filter;
    }

    /** Adds one symbol's bars and their detections (element i: those completed by bar i). */
    public void add(String symbol, List<Bar> bars, List<List<Detection>> detections) {
        for (int i = 0; i < bars.size(); i++) {
            for (Detection d : detections.get(i)) {
                if (!filter.matches(d)) continue;
                Sums s = sums.computeIfAbsent(new Key(d.patternType(), symbol, d.direction()), k -> new Sums());
                for (int h = 0; h < HORIZONS.length; h++) {
                    int j = i + HORIZONS[h];
                    if (j >= bars.size()) continue;
                    double r = bars.get(j).close() / bars.get(i).close() - 1;
                    s.count[h]++;
                    s.sum[h] += r;
                    if (d.direction().equals("bearish") ? r < 0 : r > 0) s.hits[h]++;
                }
            }
        }
    }

    /** One row per pattern, symbol and horizon: {@code pattern, symbol, direction, horizon_bars, count, mean_return, hit_rate}. */
    public List<Map<String, Object>> table() {
        List<Map<String, Object>> out = new ArrayList<>();
        sums.forEach((k, s) -> {
            for (int h = 0; h < HORIZONS.length; h++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("pattern", k.pattern());
                row.put("symbol", k.symbol());
                row.put("direction", k.direction());
                row.put("horizon_bars", HORIZONS[h]);
                row.put("count", s.count[h]);
                row.put("mean_return", s.count[h] == 0 ? null : s.sum[h] / s.count[h]);
                row.put("hit_rate", s.count[h] == 0 ? null : (double) s.hits[h] / s.count[h]);
                out.add(row);
            }
        });
        return out;
    }
}
