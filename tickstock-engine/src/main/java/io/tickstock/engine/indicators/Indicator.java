package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.List;
import java.util.Map;

/** One indicator series of one symbol, fed bar by bar. Not thread-safe: the shard thread owns it. */
public interface Indicator {
    /** The TA-Lib function name (RSI, SMA, MACD, BBANDS, ATR, …; VWAP for the session VWAP). */
    String name();

    /** The series id, name plus parameters joined by {@code _}, e.g. {@code SMA_20}, {@code MACD_12_26_9}. */
    String key();

    /** The parameters, e.g. {@code period=14}. */
    Map<String, Object> parameters();

    /** TA-Lib's lookback: the 0-based index of the first bar with a value. */
    int lookback();

    /**
     * Feeds the next bar.
     *
     * @return true when the indicator has a value for this bar (past its lookback)
     */
    boolean update(Bar bar);

    /** The primary output of the last update (NaN within the lookback). */
    double value();

    /** An independent copy of this indicator's state (checkpoints for bar corrections). */
    Indicator copy();

    /** The names of the outputs in TA-Lib's order ({@code value} for single-output indicators). */
    default String[] outputNames() {
        return new String[] {"value"};
    }

    /** Output {@code k} (index into {@link #outputNames()}) of the last update; NaN within the lookback. */
    default double output(int k) {
        return value();
    }

    /**
     * The names of {@link #values()}: the outputs as the contract names them ({@code histogram} for TA-Lib's
     * {@code hist}) plus any derived values (BBANDS bandwidth, percent_b).
     */
    default String[] valueNames() {
        return outputNames();
    }

    /** Value {@code k} (index into {@link #valueNames()}) of the last update; NaN within the lookback. */
    default double valueAt(int k) {
        return output(k);
    }

    /** Every value of the last update by name ({@link #valueNames()} → {@link #valueAt}), in that order; a snapshot. */
    default Map<String, Double> values() {
        List<String> names = series().valueNames();
        double[] values = new double[names.size()];
        for (int k = 0; k < values.length; k++) values[k] = valueAt(k);
        return new IndicatorValues(names, values);
    }

    /**
     * The series' constant description, shared by every symbol's instance of one spec item and the same object
     * on every call (the event writer caches its text per series by identity).
     */
    IndicatorSeries series();
}
