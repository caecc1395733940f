package io.tickstock.engine.indicators;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link Indicator#values()}: an immutable map over the series' shared value names and one array of values,
 * in name order. Two small objects instead of a map entry and a boxed double per value on the bar-close
 * path; boxing happens only when someone iterates (the history writer, on its own thread). Equal to any map
 * with the same entries.
 */
final class IndicatorValues extends AbstractMap<String, Double> {
    private final List<String> names;
    private final double[] values;

    IndicatorValues(List<String> names, double[] values) {
        if (names.size() != values.length)
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        this.names = names;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public @Nullable Double get(Object key) {
        int k = names.indexOf(key);
        return k < 0 ? null : values[k];
    }

    @Override
    public boolean containsKey(Object key) {
        return names.contains(key);
    }

    @Override
    public Set<Entry<String, Double>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, Double>> iterator() {
                return new Iterator<>() {
                    private int k;

                    @Override
                    public boolean hasNext() {
                        return k < values.length;
                    }

                    @Override
                    public Entry<String, Double> next() {
                        if (k >= values.length) throw new NoSuchElementException();
                        Entry<String, Double> e = Map.entry(names.get(k), values[k]);
                        k++;
                        return e;
                    }
                };
            }
        };
    }
}
