package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.Map;

/** One indicator series of one symbol, fed bar by bar. Not thread-safe. */
public interface Indicator {
    /** The TA-Lib function name: RSI, SMA, EMA, MACD, BBANDS. */
    String name();

    /** The series id, name plus parameters joined by {@code _}, e.g. {@code SMA_20}, {@code MACD_12_26_9}. */
    String key();

    /** The parameters, e.g. {@code period=14}. */
    Map<String, Object> parameters();

    /**
     * Feeds the next bar.
     *
     * @return true when the indicator has a value for this bar (past its lookback)
     */
    boolean update(Bar bar);

    /** The primary output of the last update (NaN within the lookback). */
    double value();

    /** Every output of the last update by name ({@code value} for single-output indicators). */
    Map<String, Double> values();
}
