package io.tickstock.engine.patterns;

import io.tickstock.engine.bars.Bar;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every TA-Lib candlestick pattern on one symbol's bars: O(1) work per bar per pattern (the candle
 * averages are updated once per bar and shared). Single-threaded: the shard thread that owns the symbol.
 */
public final class PatternScanner {
    private final CandlePatterns catalog;
    private final CandleHistory history;
    private final int[] outputs;
    private final double[] margins;

    public PatternScanner(CandlePatterns catalog) {
        this(catalog, catalog.newHistory());
    }

    private PatternScanner(CandlePatterns catalog, CandleHistory history) {
        this.catalog = catalog;
        this.history = history;
        this.outputs = new int[catalog.size()];
        this.margins = new double[catalog.size()];
    }

    /** An independent copy of the symbol's pattern state (a checkpoint for bar corrections). */
    public PatternScanner copy() {
        return new PatternScanner(catalog, history.copy());
    }

    /** Adds the bar, evaluates every pattern and hands each non-zero output to {@code sink} as a detection. */
    public void scan(Bar bar, Consumer<Detection> sink) {
        add(bar);
        for (int k = 0; k < outputs.length; k++) {
            int out = outputs[k];
            if (out != 0 && out != CandlePatterns.NO_OUTPUT) sink.accept(detection(k));
        }
    }

    /** Adds the bar and evaluates every pattern; read the results with {@link #outputs()}. */
    public void add(Bar bar) {
        history.add(bar);
        catalog.evaluate(history, outputs, margins);
    }

    /**
     * TA-Lib's outputs for the last bar added, one per pattern in {@link CandlePatterns#all()} order,
     * {@link CandlePatterns#NO_OUTPUT} within a pattern's lookback. Live view: overwritten by the next bar.
     */
    public int[] outputs() {
        return outputs;
    }

    public CandleHistory history() {
        return history;
    }

    private Detection detection(int k) {
        CandlePattern p = catalog.all().get(k);
        int out = outputs[k];
        double trend = history.trend(p.candles(), PatternConfidence.TREND_WINDOW);
        double support = PatternConfidence.trendSupport(p.kind(), out, trend);
        double confidence = PatternConfidence.of(out, margins[k], support);
        String direction = p.kind() == PatternKind.INDECISION ? "neutral" : out > 0 ? "bullish" : "bearish";
        return new Detection(
                p.name(out),
                p.function(),
                out,
                direction,
                confidence,
                Map.of("margin", round4(margins[k]), "trend", round4(trend), "candles", p.candles()));
    }

    private static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
