package io.tickstock.engine.patterns;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of every candle-setting average the patterns use, shared by all patterns and symbols. An
 * average is identified by its setting, its {@code shift} (the average of the {@code avgPeriod} candles
 * before the candle {@code shift} bars back) and its {@code start}, the bar index at which the TA-Lib CDL
 * function first sums it (its lookback). Patterns that need the same one share it: each distinct total is
 * kept once per symbol and updated once per bar in O(1), exactly as TA-Lib keeps it — summed oldest first
 * at the start bar, then rolled by {@code total += range(newest) − range(leaving)} — so every comparison
 * is bit-identical to TA-Lib's. Registration happens while the catalog is built; afterwards immutable and
 * safe to share between threads.
 */
public final class CandleAverages {
    private final List<CandleSetting> settings = new ArrayList<>();
    private final List<int[]> keys = new ArrayList<>(); // {shift, start}
    private boolean frozen;
    private CandleSetting[] setting = new CandleSetting[0]; // set by freeze()
    private int[] shift = new int[0], start = new int[0], period = new int[0];
    private int memory;

    CandleAverages() {}

    /**
     * Registers (or finds) an average while patterns are constructed; returns its handle for
     * {@link CandleHistory#avg}.
     *
     * @throws IllegalStateException after the catalog is built
     */
    public int add(CandleSetting s, int shift, int start) {
        for (int i = 0; i < settings.size(); i++) {
            if (settings.get(i) == s && keys.get(i)[0] == shift && keys.get(i)[1] == start) return i;
        }
        if (frozen) throw new IllegalStateException("candle averages are frozen");
        settings.add(s);
        keys.add(new int[] {shift, start});
        return settings.size() - 1;
    }

    /** Reserves {@code slots} longs of per-symbol memory for a stateful pattern; returns the first slot. */
    public int reserveMemory(int slots) {
        if (frozen) throw new IllegalStateException("candle averages are frozen");
        memory += slots;
        return memory - slots;
    }

    void freeze() {
        int n = settings.size();
        frozen = true;
        setting = settings.toArray(CandleSetting[]::new);
        shift = new int[n];
        start = new int[n];
        period = new int[n];
        for (int i = 0; i < n; i++) {
            shift[i] = keys.get(i)[0];
            start[i] = keys.get(i)[1];
            period[i] = setting[i].avgPeriod;
        }
    }

    int size() {
        return setting.length;
    }

    int memorySize() {
        return memory;
    }

    /** Called by {@link CandleHistory#add} after each new candle. */
    void update(CandleHistory h) {
        long index = h.index();
        double[] totals = h.totals;
        for (int i = 0; i < setting.length; i++) {
            int p = period[i];
            if (p == 0 || index < start[i]) continue;
            CandleSetting s = setting[i];
            int k = shift[i];
            if (index == start[i]) {
                double total = 0;
                for (int age = k + p; age > k; age--) total += h.range(s, age);
                totals[i] = total;
            } else {
                totals[i] += h.range(s, k + 1) - h.range(s, k + 1 + p);
            }
        }
    }

    /** TA_CANDLEAVERAGE: factor × (total / period, or the candle's own range when the period is 0), halved for shadows. */
    double average(int i, CandleHistory h, int age) {
        CandleSetting s = setting[i];
        double base = period[i] != 0 ? h.totals[i] / period[i] : h.range(s, age);
        return s.factor * base / (s.rangeType == CandleSetting.RangeType.SHADOWS ? 2.0 : 1.0);
    }
}
