package io.tickstock.app.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * TickStock's compact browser frames, formats {@code compact-1} and {@code compact-2} ({@link FrameFormat}; docs/app.md
 * "Compact frames"): the indicator values and the bars of one delivery as
 * columns, each repeated text (symbol, series, session) once in a dictionary, times as epoch milliseconds. Decoded
 * item by item they equal the contract's objects with {@code published_at} ({@code frames.js} decodes them in the
 * dashboard). Patterns, alerts, sessions and health stay the contract's frames. Thread-safe (stateless).
 *
 * <pre>
 * {"event":"indicators_columns","data":{"version":1,"timestamp":ISO,"count":n,
 *   "symbols":[…],"series":[{"indicator","timeframe","metadata","outputs":[names],"primary":i}],
 *   "s":[symbol index],"k":[series index],"t":[bar start ms],"v":[values, row by row],"p":[published ms]}}
 * {"event":"bars_columns","data":{"version":1,"timestamp":ISO,"count":n,"symbols":[…],"timeframes":[…],"sessions":[…],
 *   "session_ids":[…],"s":[…],"t":[…],"o":[…],"h":[…],"l":[…],"c":[…],"vol":[…],"vwap":[…],"n":[trade count],
 *   "tf":[timeframe index],"m":[session index],"sid":[session id index, -1 none],"f":[0|1 filled],
 *   "r":[revision, 0 none],"p":[published ms]}}
 * </pre>
 *
 * A series' row holds its {@code outputs} values in order; {@code primary} is the output equal to {@code value}, or -1
 * when none is, and then the row starts with {@code value}.
 */
public final class CompactFrames {

    private CompactFrames() {}

    /** True for the streams this format carries ({@code indicator}, {@code bar}). */
    static boolean handles(String stream) {
        return stream.equals("indicator") || stream.equals("bar");
    }

    /** The frame of {@code items} of {@code stream} ({@link #handles}); {@code nowMillis} is the frame's time. */
    static String render(String stream, List<? extends StreamItem> items, long nowMillis) {
        try {
            StringWriter out = new StringWriter(64 + 48 * items.size());
            try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("event", stream.equals("bar") ? "bars_columns" : "indicators_columns");
                g.writeObjectFieldStart("data");
                g.writeNumberField("version", 1);
                g.writeStringField("timestamp", IsoTime.format(nowMillis));
                g.writeNumberField("count", items.size());
                if (stream.equals("bar")) bars(g, items);
                else indicators(g, items);
                g.writeEndObject();
                g.writeEndObject();
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
    }

    private record Series(
            String indicator, String timeframe, Map<String, Object> metadata, List<String> outputs, int primary) {}

    private static void indicators(JsonGenerator g, List<? extends StreamItem> items) throws IOException {
        Dictionary<String> symbols = new Dictionary<>();
        Dictionary<Series> series = new Dictionary<>();
        int[] s = new int[items.size()], k = new int[items.size()];
        List<Double> values = new ArrayList<>(items.size() * 2);
        for (int i = 0; i < items.size(); i++) {
            StreamItem.Indicator item = (StreamItem.Indicator) items.get(i);
            Events.IndicatorCalculation c = item.calculation();
            List<String> outputs = new ArrayList<>(c.values().keySet());
            int primary = -1;
            for (int j = 0; j < outputs.size() && primary < 0; j++)
                if (Objects.equals(c.values().get(outputs.get(j)), c.value())) primary = j;
            s[i] = symbols.index(c.symbol());
            k[i] = series.index(new Series(c.indicator(), c.timeframe(), c.metadata(), outputs, primary));
            if (primary < 0) values.add(c.value());
            for (String o : outputs) values.add(c.values().get(o));
        }
        writeStrings(g, "symbols", symbols.keys());
        g.writeArrayFieldStart("series");
        for (Series x : series.keys()) {
            g.writeStartObject();
            g.writeStringField("indicator", x.indicator());
            g.writeStringField("timeframe", x.timeframe());
            g.writeObjectField("metadata", x.metadata());
            g.writeObjectField("outputs", x.outputs());
            g.writeNumberField("primary", x.primary());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeInts(g, "s", s);
        writeInts(g, "k", k);
        writeLongs(
                g,
                "t",
                items,
                i -> IsoTime.parseMillis(
                        ((StreamItem.Indicator) i).calculation().timestamp()));
        g.writeArrayFieldStart("v");
        for (Double v : values) g.writeNumber(v);
        g.writeEndArray();
        writeLongs(g, "p", items, i -> IsoTime.parseMillis(((StreamItem.Indicator) i).publishedAt()));
    }

    private static void bars(JsonGenerator g, List<? extends StreamItem> items) throws IOException {
        Dictionary<String> symbols = new Dictionary<>(),
                timeframes = new Dictionary<>(),
                sessions = new Dictionary<>(),
                ids = new Dictionary<>();
        int n = items.size();
        int[] s = new int[n], tf = new int[n], m = new int[n], sid = new int[n], f = new int[n], r = new int[n];
        for (int i = 0; i < n; i++) {
            StreamItem.Bar item = (StreamItem.Bar) items.get(i);
            Events.Bar b = item.bar();
            s[i] = symbols.index(b.symbol());
            tf[i] = timeframes.index(b.timeframe());
            m[i] = sessions.index(b.session());
            String id = b.sessionId();
            sid[i] = id == null ? -1 : ids.index(id);
            f[i] = b.filled() ? 1 : 0;
            r[i] = item.revision() == null ? 0 : item.revision();
        }
        writeStrings(g, "symbols", symbols.keys());
        writeStrings(g, "timeframes", timeframes.keys());
        writeStrings(g, "sessions", sessions.keys());
        writeStrings(g, "session_ids", ids.keys());
        writeInts(g, "s", s);
        writeLongs(
                g,
                "t",
                items,
                i -> IsoTime.parseMillis(((StreamItem.Bar) i).bar().timestamp()));
        writeDoubles(g, "o", items, i -> ((StreamItem.Bar) i).bar().open());
        writeDoubles(g, "h", items, i -> ((StreamItem.Bar) i).bar().high());
        writeDoubles(g, "l", items, i -> ((StreamItem.Bar) i).bar().low());
        writeDoubles(g, "c", items, i -> ((StreamItem.Bar) i).bar().close());
        writeLongs(g, "vol", items, i -> ((StreamItem.Bar) i).bar().volume());
        writeDoubles(g, "vwap", items, i -> ((StreamItem.Bar) i).bar().vwap());
        writeLongs(g, "n", items, i -> ((StreamItem.Bar) i).bar().tradeCount());
        writeInts(g, "tf", tf);
        writeInts(g, "m", m);
        writeInts(g, "sid", sid);
        writeInts(g, "f", f);
        writeInts(g, "r", r);
        writeLongs(g, "p", items, i -> IsoTime.parseMillis(((StreamItem.Bar) i).publishedAt()));
    }

    /** Distinct values in first-seen order, each with its index. */
    private static final class Dictionary<K> {
        private final Map<K, Integer> index = new LinkedHashMap<>();

        int index(K key) {
            return index.computeIfAbsent(key, x -> index.size());
        }

        List<K> keys() {
            return new ArrayList<>(index.keySet());
        }
    }

    private static void writeStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void writeInts(JsonGenerator g, String field, int[] values) throws IOException {
        g.writeFieldName(field);
        g.writeArray(values, 0, values.length);
    }

    private static void writeLongs(
            JsonGenerator g, String field, List<? extends StreamItem> items, ToLongFunction<StreamItem> column)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (StreamItem i : items) g.writeNumber(column.applyAsLong(i));
        g.writeEndArray();
    }

    private static void writeDoubles(
            JsonGenerator g, String field, List<? extends StreamItem> items, ToDoubleFunction<StreamItem> column)
            throws IOException {
        g.writeArrayFieldStart(field);
        for (StreamItem i : items) g.writeNumber(column.applyAsDouble(i));
        g.writeEndArray();
    }
}
