package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The indicators of one symbol, built by an {@link IndicatorSpec}; {@link #standard()} is the integration contract's
 * minimum set. The alert detector reads its first RSI, MACD and BBANDS. Not thread-safe.
 */
public final class IndicatorSet {
    private final List<Indicator> indicators;
    private final @Nullable Rsi rsi;
    private final @Nullable Macd macd;
    private final @Nullable BollingerBands bbands;

    IndicatorSet(List<Indicator> indicators) {
        this.indicators = List.copyOf(indicators);
        this.rsi = find(Rsi.class);
        this.macd = find(Macd.class);
        this.bbands = find(BollingerBands.class);
    }

    /** the integration contract's minimum set, fresh state. */
    public static IndicatorSet standard() {
        return IndicatorSpec.STANDARD.newSet();
    }

    /** An independent copy of every indicator's state (a checkpoint). */
    public IndicatorSet copy() {
        List<Indicator> copies = new ArrayList<>(indicators.size());
        for (Indicator i : indicators) copies.add(i.copy());
        return new IndicatorSet(copies);
    }

    /** Every indicator in spec order. */
    public List<Indicator> all() {
        return indicators;
    }

    /** Feeds a bar to every indicator; returns those with a value for it, in set order. */
    public List<Indicator> update(Bar bar) {
        List<Indicator> ready = new ArrayList<>(indicators.size());
        for (Indicator i : indicators) if (i.update(bar)) ready.add(i);
        return ready;
    }

    public @Nullable Rsi rsi() {
        return rsi;
    }

    public @Nullable Macd macd() {
        return macd;
    }

    public @Nullable BollingerBands bbands() {
        return bbands;
    }

    private <T> @Nullable T find(Class<T> type) {
        return indicators.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElse(null);
    }
}
