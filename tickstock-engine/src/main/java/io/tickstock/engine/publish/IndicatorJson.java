package io.tickstock.engine.publish;

import io.tickstock.contract.EventJson;
import io.tickstock.contract.Json;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSeries;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The contract's indicator {@code calculation} object written straight from an {@link Indicator}: the same
 * text {@link EventJson} writes for the equivalent {@code Events.IndicatorCalculation} (IndicatorJsonTest),
 * without building that record and its maps. What never changes within a series — name, value names,
 * parameters — is turned into text once per {@link IndicatorSeries}; a value repeated under {@code values}
 * (every single-output indicator) is formatted once. The bar close's inner loop: 21 of these per symbol.
 * Not thread-safe: one per shard thread.
 */
final class IndicatorJson {
    @SuppressWarnings("ArrayRecordComponent") // private, never compared: the array is the hot loop's lookup
    private record Fragments(String head, String[] valueKeys, String tail) {}

    private final IdentityHashMap<IndicatorSeries, Fragments> fragments = new IdentityHashMap<>();

    /**
     * Appends {@code {"symbol":…,"indicator":…,"value":…,"values":{…},"timestamp":…,"timeframe":"1min","metadata":{…}}}.
     *
     * @param quotedSymbol the symbol as JSON text ({@link #quoted})
     * @param quotedTime   the bar start, ISO-8601 UTC, as JSON text
     */
    StringBuilder calculation(StringBuilder b, String quotedSymbol, Indicator indicator, String quotedTime) {
        Fragments f = fragments.computeIfAbsent(indicator.series(), IndicatorJson::fragments);
        b.append("{\"symbol\":").append(quotedSymbol).append(f.head);
        double value = indicator.value();
        int start = b.length();
        EventJson.number(b, value);
        int end = b.length();
        b.append(",\"values\":{");
        for (int k = 0; k < f.valueKeys.length; k++) {
            b.append(f.valueKeys[k]);
            double v = indicator.valueAt(k);
            if (Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(value)) b.append(b, start, end);
            else EventJson.number(b, v);
        }
        return b.append("},\"timestamp\":").append(quotedTime).append(f.tail);
    }

    /** {@code s} as a JSON string literal (Jackson's escaping). */
    static String quoted(String s) {
        return EventJson.string(new StringBuilder(s.length() + 2), s).toString();
    }

    private static Fragments fragments(IndicatorSeries s) {
        List<String> names = s.valueNames();
        String[] keys = new String[names.size()];
        for (int k = 0; k < keys.length; k++) keys[k] = (k == 0 ? "" : ",") + quoted(names.get(k)) + ':';
        return new Fragments(
                ",\"indicator\":" + quoted(s.name()) + ",\"value\":",
                keys,
                ",\"timeframe\":\"1min\",\"metadata\":" + Json.write(s.parameters()) + '}');
    }
}
