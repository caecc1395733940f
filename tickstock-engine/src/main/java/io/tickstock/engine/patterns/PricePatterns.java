package io.tickstock.engine.patterns;

import io.tickstock.engine.bars.Bar;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The four price patterns the legacy channel names, on one symbol's bars, each judged against the
 * {@link #WINDOW} bars before the current one (so the first output is at bar 20). With {@code R} the highest
 * high and {@code S} the lowest low of those bars, {@code avgRange} their mean high−low and
 * {@code tol = 0.25 × avgRange}:
 * <ul>
 *   <li>{@code Volume_Spike}: volume &ge; 3 × their mean volume. Output ±100 with the candle's color.
 *       Confidence {@code 0.5 + 0.5 × min(1, (ratio − 3) / 3)}: 0.5 at 3×, 1 from 6×.</li>
 *   <li>{@code Price_Breakout}: the close leaves the range — above R (+100) or below S (−100) — while the
 *       previous close was inside it. Confidence {@code 0.5 + 0.5 × min(1, distance beyond / avgRange)}.</li>
 *   <li>{@code Resistance_Break}: a breakout above R where R is a tested resistance, at least two of the bars
 *       reaching {@code R − tol}. +100. Confidence {@code 0.5 + 0.1 × min(3, touches − 1) + 0.2 × min(1,
 *       distance / avgRange)}.</li>
 *   <li>{@code Support_Test}: the low reaches support ({@code S − tol ≤ low ≤ S + tol}) and the close holds
 *       above S. +100. Confidence {@code 0.5 + 0.1 × min(3, earlier touches) + 0.2 × min(1, (close − low) /
 *       avgRange)}.</li>
 * </ul>
 * Not TA-Lib functions; their {@code function} names are {@code TICKSTOCK_*}. O(WINDOW) per bar.
 * Single-threaded: the shard thread that owns the symbol.
 */
public final class PricePatterns {
    /** Prior bars each pattern is judged against. */
    public static final int WINDOW = 20;
    /** Pattern names, in output order. */
    public static final List<String> NAMES =
            List.of("Volume_Spike", "Price_Breakout", "Support_Test", "Resistance_Break");

    private static final String[] NAME = NAMES.toArray(String[]::new),
            FUNCTION =
                    NAMES.stream()
                            .map(n -> "TICKSTOCK_" + n.toUpperCase(Locale.ROOT))
                            .toArray(String[]::new);
    private final double[] high = new double[WINDOW], low = new double[WINDOW], volume = new double[WINDOW];
    private final int[] outputs = new int[NAME.length];
    private final double[] confidence = new double[NAME.length];
    private double previousClose;
    private long count;

    /** An independent copy (a checkpoint for bar corrections). */
    public PricePatterns copy() {
        PricePatterns c = new PricePatterns();
        System.arraycopy(high, 0, c.high, 0, WINDOW);
        System.arraycopy(low, 0, c.low, 0, WINDOW);
        System.arraycopy(volume, 0, c.volume, 0, WINDOW);
        c.previousClose = previousClose;
        c.count = count;
        return c;
    }

    /**
     * Evaluates the bar against the window, then adds it to the window.
     *
     * @return true when the outputs are defined (at least {@link #WINDOW} earlier bars)
     */
    public boolean add(Bar bar) {
        boolean ready = count >= WINDOW;
        if (ready) evaluate(bar);
        int slot = (int) (count++ % WINDOW);
        high[slot] = bar.high();
        low[slot] = bar.low();
        volume[slot] = bar.volume();
        previousClose = bar.close();
        return ready;
    }

    /** Adds the bar and hands each pattern found to {@code sink}. */
    public void scan(Bar bar, Consumer<Detection> sink) {
        if (!add(bar)) return;
        for (int k = 0; k < NAME.length; k++) {
            if (outputs[k] == 0) continue;
            String direction = outputs[k] > 0 ? "bullish" : "bearish";
            if (k == 0 && bar.close() == bar.open()) direction = "neutral";
            sink.accept(new Detection(
                    NAME[k], FUNCTION[k], outputs[k], direction, confidence[k], Map.of("window", WINDOW)));
        }
    }

    /** The outputs of the last {@link #add} (0 or ±100 per {@link #NAMES}); undefined before it returned true. */
    public int[] outputs() {
        return outputs;
    }

    private void evaluate(Bar bar) {
        double r = Double.NEGATIVE_INFINITY, s = Double.POSITIVE_INFINITY, ranges = 0, volumes = 0;
        for (int i = 0; i < WINDOW; i++) {
            r = Math.max(r, high[i]);
            s = Math.min(s, low[i]);
            ranges += high[i] - low[i];
            volumes += volume[i];
        }
        double avgRange = ranges / WINDOW, avgVolume = volumes / WINDOW, tol = 0.25 * avgRange;
        int touchesR = 0, touchesS = 0;
        for (int i = 0; i < WINDOW; i++) {
            if (high[i] >= r - tol) touchesR++;
            if (low[i] <= s + tol) touchesS++;
        }
        double close = bar.close();
        Arrays.fill(outputs, 0);

        double ratio = avgVolume > 0 ? bar.volume() / avgVolume : 0;
        if (avgVolume > 0 && ratio >= 3) {
            outputs[0] = close >= bar.open() ? 100 : -100;
            confidence[0] = 0.5 + 0.5 * Math.min(1, (ratio - 3) / 3);
        }
        boolean wasInside = previousClose <= r && previousClose >= s;
        if (wasInside && (close > r || close < s)) {
            double beyond = close > r ? close - r : s - close;
            outputs[1] = close > r ? 100 : -100;
            confidence[1] = 0.5 + 0.5 * Math.min(1, share(beyond, avgRange));
        }
        if (bar.low() >= s - tol && bar.low() <= s + tol && close > s) {
            outputs[2] = 100;
            confidence[2] = 0.5 + 0.1 * Math.min(3, touchesS) + 0.2 * Math.min(1, share(close - bar.low(), avgRange));
        }
        if (close > r && previousClose <= r && touchesR >= 2) {
            outputs[3] = 100;
            confidence[3] = 0.5 + 0.1 * Math.min(3, touchesR - 1) + 0.2 * Math.min(1, share(close - r, avgRange));
        }
    }

    private static double share(double part, double whole) {
        return whole > 0 ? part / whole : 1;
    }
}
