package io.tickstock.engine.backtest;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.patterns.Detection;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened after each detection, without any stop or target: for each pattern (and symbol), the close-to-close
 * return from the detection bar's close to the close {@code h} bars later, h = 1, 5, 10, 20 — its mean, and its hit
 * rate: the fraction that moved the pattern's way (up for bullish and neutral patterns, down for bearish ones), with
 * its 95 % Wilson interval ({@link HitRate}). Beside it, the base rate: the share of all the symbol's bars (over the
 * same bars and horizon) followed by a move the pattern's way, and the edge, hit rate − base rate. Detections too close
 * to the end of the data for a horizon, and horizons that span a split-like gap of raw bars, are left out of that
 * horizon's counts (the base rate's too). Not thread-safe.
 */
public final class ForwardReturns {
    /** The horizons, in bars. */
    private static final int[] HORIZONS = {1, 5, 10, 20};

    private record Key(String pattern, String symbol, String direction) {}

    private static final class Sums {
        final long[] count = new long[HORIZONS.length], hits = new long[HORIZONS.length];
        final double[] sum = new double[HORIZONS.length];
    }

    /** Per horizon: bars followed by a rise, by a fall, and counted. */
    private static final class Base {
        final long[] up = new long[HORIZONS.length],
                down = new long[HORIZONS.length],
                count = new long[HORIZONS.length];
    }

    private final PatternFilter filter;
    private final Map<Key, Sums> sums = new HashMap<>();
    private final Map<String, Base> base = new HashMap<>();

    public ForwardReturns(PatternFilter filter) {
        this.filter = filter;
    }

    /** Adds one symbol's bars and their detections (element i: those completed by bar i), with no split gap. */
    public void add(String symbol, List<Bar> bars, List<List<Detection>> detections) {
        add(symbol, bars, detections, new BitSet());
    }

    /**
     * Adds one symbol's bars, their detections (element i: those completed by bar i) and its split-like gaps (bit g:
     * a gap between bars g − 1 and g).
     */
    public void add(String symbol, List<Bar> bars, List<List<Detection>> detections, BitSet splitGaps) {
        Base b = base.computeIfAbsent(symbol, k -> new Base());
        double[] forward = new double[HORIZONS.length]; // NaN: no bar that far inside the data and this side of a gap
        for (int i = 0; i < bars.size(); i++) {
            int gap = splitGaps.nextSetBit(i + 1);
            for (int h = 0; h < HORIZONS.length; h++) {
                int j = i + HORIZONS[h];
                if (j >= bars.size() || (gap >= 0 && gap <= j)) {
                    forward[h] = Double.NaN;
                    continue;
                }
                double r = bars.get(j).close() / bars.get(i).close() - 1;
                forward[h] = r;
                b.count[h]++;
                if (r > 0) b.up[h]++;
                if (r < 0) b.down[h]++;
            }
            for (Detection d : detections.get(i)) {
                if (!filter.matches(d)) continue;
                Sums s = sums.computeIfAbsent(new Key(d.patternType(), symbol, d.direction()), k -> new Sums());
                boolean bearish = d.direction().equals("bearish");
                for (int h = 0; h < HORIZONS.length; h++) {
                    double r = forward[h];
                    if (Double.isNaN(r)) continue;
                    s.count[h]++;
                    s.sum[h] += r;
                    if (bearish ? r < 0 : r > 0) s.hits[h]++;
                }
            }
        }
    }

    /**
     * One row per pattern, symbol and horizon: {@code pattern, symbol, direction, horizon_bars, count, mean_return,
     * hit_rate, hit_rate_low, hit_rate_high, base_hit_rate, edge} (fractions; null where a count is 0).
     */
    public List<Map<String, Object>> table() {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<Key, Sums> sorted = new TreeMap<>(
                Comparator.comparing(Key::pattern).thenComparing(Key::symbol).thenComparing(Key::direction));
        sorted.putAll(sums);
        sorted.forEach((k, s) -> {
            Base b = base.get(k.symbol());
            for (int h = 0; h < HORIZONS.length; h++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("pattern", k.pattern());
                row.put("symbol", k.symbol());
                row.put("direction", k.direction());
                row.put("horizon_bars", HORIZONS[h]);
                row.put("count", s.count[h]);
                HitRate hit = s.count[h] == 0 ? null : HitRate.of(s.hits[h], s.count[h]);
                Double baseRate = b == null || b.count[h] == 0
                        ? null
                        : (double) (k.direction().equals("bearish") ? b.down[h] : b.up[h]) / b.count[h];
                row.put("mean_return", s.count[h] == 0 ? null : s.sum[h] / s.count[h]);
                row.put("hit_rate", hit == null ? null : hit.rate());
                row.put("hit_rate_low", hit == null ? null : hit.low());
                row.put("hit_rate_high", hit == null ? null : hit.high());
                row.put("base_hit_rate", baseRate);
                row.put("edge", hit == null || baseRate == null ? null : hit.rate() - baseRate);
                out.add(row);
            }
        });
        return out;
    }
}
