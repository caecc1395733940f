package io.tickstock.engine.indicators;

import java.util.List;
import java.util.Map;

/**
 * What stays constant about one indicator series across symbols and bars: the TA-Lib name, the series key
 * ({@code SMA_20}), the parameters and the names of its values. Built once per {@link IndicatorSpec} item and
 * shared by every symbol's instance, so the bar-close path neither rebuilds these strings and maps per value
 * nor keeps a copy per symbol. Immutable, thread-safe.
 *
 * @param valueNames the keys of {@link Indicator#values()}, in its order
 */
public record IndicatorSeries(String name, String key, Map<String, Object> parameters, List<String> valueNames) {
    public IndicatorSeries {
        parameters = Map.copyOf(parameters);
        valueNames = List.copyOf(valueNames);
    }

    /** Describes {@code indicator}'s series (its current parameters and value names). */
    public static IndicatorSeries of(Indicator indicator) {
        return new IndicatorSeries(
                indicator.name(), indicator.key(), indicator.parameters(), List.of(indicator.valueNames()));
    }
}
