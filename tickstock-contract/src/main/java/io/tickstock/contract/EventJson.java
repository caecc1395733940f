package io.tickstock.contract;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON text of the events published at every bar close — {@code streaming_indicator}, {@code streaming_bar},
 * {@code streaming_pattern}, their batch forms, {@code indicator_alert} and the legacy pattern envelope — written directly into a
 * {@link StringBuilder} instead of through Jackson's reflection (the engine's bar-close burst spent most of its time
 * there). The text is exactly what {@link Json#write} produces for the same record: the same field names and order,
 * {@link Double#toString} numbers, Jackson's string escaping (EventJsonTest compares them). Thread-safe (stateless).
 */
public final class EventJson {
    private EventJson() {}

    public static String indicator(Events.IndicatorEvent e) {
        StringBuilder b = new StringBuilder(320);
        b.append("{\"type\":");
        string(b, e.type()).append(",\"timestamp\":");
        string(b, e.timestamp()).append(",\"calculation\":");
        return calculation(b, e.calculation()).append('}').toString();
    }

    private static StringBuilder calculation(StringBuilder b, Events.IndicatorCalculation c) {
        b.append("{\"symbol\":");
        string(b, c.symbol()).append(",\"indicator\":");
        string(b, c.indicator()).append(",\"value\":");
        number(b, c.value()).append(",\"values\":");
        value(b, c.values()).append(",\"timestamp\":");
        string(b, c.timestamp()).append(",\"timeframe\":");
        string(b, c.timeframe()).append(",\"metadata\":");
        return value(b, c.metadata()).append('}');
    }

    public static String indicatorBatch(Events.IndicatorBatch e) {
        StringBuilder b = new StringBuilder(160 + 240 * e.indicators().size());
        b.append("{\"type\":");
        string(b, e.type()).append(",\"timestamp\":");
        string(b, e.timestamp()).append(",\"indicators\":[");
        for (int i = 0; i < e.indicators().size(); i++) {
            if (i > 0) b.append(',');
            calculation(b, e.indicators().get(i));
        }
        b.append("],\"count\":").append(e.count()).append(",\"batch_timestamp\":");
        return string(b, e.batchTimestamp()).append('}').toString();
    }

    public static String patternBatch(Events.PatternBatch e) {
        StringBuilder b = new StringBuilder(160 + 560 * e.patterns().size());
        b.append("{\"type\":");
        string(b, e.type()).append(",\"timestamp\":");
        string(b, e.timestamp()).append(",\"patterns\":[");
        for (int i = 0; i < e.patterns().size(); i++) {
            if (i > 0) b.append(',');
            detection(b, e.patterns().get(i));
        }
        b.append("],\"count\":").append(e.count()).append(",\"batch_timestamp\":");
        return string(b, e.batchTimestamp()).append('}').toString();
    }

    public static String bar(Events.BarEvent e) {
        StringBuilder b = new StringBuilder(320);
        b.append("{\"type\":");
        string(b, e.type()).append(",\"timestamp\":");
        string(b, e.timestamp()).append(",\"bar\":");
        bar(b, e.bar());
        if (e.revision() != null) b.append(",\"revision\":").append(e.revision().intValue());
        return b.append('}').toString();
    }

    /** {@code streaming_bars_batch}: the bars one bar close produced, in one message. */
    public static String barBatch(Events.BarBatch e) {
        StringBuilder b = new StringBuilder(160 + 300 * e.bars().size());
        b.append("{\"type\":");
        string(b, e.type()).append(",\"timestamp\":");
        string(b, e.timestamp()).append(",\"bars\":[");
        for (int i = 0; i < e.bars().size(); i++) {
            if (i > 0) b.append(',');
            bar(b, e.bars().get(i));
        }
        b.append("],\"count\":").append(e.count()).append(",\"batch_timestamp\":");
        return string(b, e.batchTimestamp()).append('}').toString();
    }

    private static void bar(StringBuilder b, Events.Bar bar) {
        b.append("{\"symbol\":");
        string(b, bar.symbol()).append(",\"timestamp\":");
        string(b, bar.timestamp()).append(",\"timeframe\":");
        string(b, bar.timeframe()).append(",\"open\":");
        number(b, bar.open()).append(",\"high\":");
        number(b, bar.high()).append(",\"low\":");
        number(b, bar.low()).append(",\"close\":");
        number(b, bar.close()).append(",\"volume\":").append(bar.volume()).append(",\"vwap\":");
        number(b, bar.vwap())
                .append(",\"trade_count\":")
                .append(bar.tradeCount())
                .append(",\"session\":");
        string(b, bar.session()).append(",\"session_id\":");
        string(b, bar.sessionId()).append(",\"filled\":").append(bar.filled()).append('}');
    }

    public static String pattern(Events.PatternEvent e) {
        StringBuilder b = new StringBuilder(640);
        b.append("{\"type\":");
        string(b, e.type()).append(",\"timestamp\":");
        string(b, e.timestamp()).append(",\"detection\":");
        return detection(b, e.detection()).append('}').toString();
    }

    private static StringBuilder detection(StringBuilder b, Events.PatternDetection d) {
        b.append("{\"symbol\":");
        string(b, d.symbol()).append(",\"pattern_type\":");
        string(b, d.patternType()).append(",\"confidence\":");
        number(b, d.confidence()).append(",\"timestamp\":");
        string(b, d.timestamp()).append(",\"timeframe\":");
        string(b, d.timeframe()).append(",\"direction\":");
        string(b, d.direction()).append(",\"bar_data\":");
        Events.BarData bar = d.barData();
        if (bar == null) {
            b.append("null");
        } else {
            b.append("{\"open\":");
            number(b, bar.open()).append(",\"high\":");
            number(b, bar.high()).append(",\"low\":");
            number(b, bar.low()).append(",\"close\":");
            number(b, bar.close()).append(",\"volume\":").append(bar.volume()).append('}');
        }
        b.append(",\"parameters\":");
        value(b, d.parameters()).append(",\"metadata\":");
        return value(b, d.metadata()).append('}');
    }

    public static String alert(Events.IndicatorAlertEvent e) {
        StringBuilder b = new StringBuilder(480);
        b.append("{\"type\":");
        string(b, e.type()).append(",\"timestamp\":");
        string(b, e.timestamp()).append(",\"alert\":");
        Events.IndicatorAlert a = e.alert();
        b.append("{\"symbol\":");
        string(b, a.symbol()).append(",\"alert_type\":");
        string(b, a.alertType()).append(",\"timestamp\":");
        string(b, a.timestamp()).append(",\"data\":");
        value(b, a.data()).append(",\"severity\":");
        string(b, a.severity()).append(",\"session_id\":");
        string(b, a.sessionId()).append("},\"alert_type\":");
        string(b, e.alertType()).append(",\"symbol\":");
        string(b, e.symbol()).append(",\"session_id\":");
        string(b, e.sessionId()).append(",\"data\":");
        return value(b, e.data()).append('}').toString();
    }

    public static String legacyPattern(LegacyEvents.PatternEvent e) {
        StringBuilder b = new StringBuilder(320);
        b.append("{\"event_type\":");
        string(b, e.eventType()).append(",\"source\":");
        string(b, e.source()).append(",\"timestamp\":");
        number(b, e.timestamp()).append(",\"data\":");
        LegacyEvents.PatternData d = e.data();
        b.append("{\"symbol\":");
        string(b, d.symbol()).append(",\"pattern\":");
        string(b, d.pattern()).append(",\"confidence\":");
        number(b, d.confidence()).append(",\"flow_id\":");
        string(b, d.flowId()).append(",\"tier\":");
        string(b, d.tier()).append(",\"price_change\":");
        number(b, d.priceChange()).append(",\"current_price\":");
        number(b, d.currentPrice()).append(",\"volume\":").append(d.volume()).append(",\"timestamp\":");
        return number(b, d.timestamp()).append("}}").toString();
    }

    /** A map, list, string, number, boolean or null as Jackson writes it (map keys as given). */
    static StringBuilder value(StringBuilder b, Object v) {
        switch (v) {
            case null -> b.append("null");
            case String s -> string(b, s);
            case Double d -> number(b, d);
            case Float f -> number(b, f.doubleValue());
            case Integer i -> b.append(i.intValue());
            case Long l -> b.append(l.longValue());
            case Short s -> b.append(s.shortValue());
            case Boolean bool -> b.append(bool.booleanValue());
            case Map<?, ?> m -> {
                b.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) b.append(',');
                    first = false;
                    string(b, String.valueOf(e.getKey())).append(':');
                    value(b, e.getValue());
                }
                b.append('}');
            }
            case List<?> list -> {
                b.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) b.append(',');
                    value(b, list.get(i));
                }
                b.append(']');
            }
            default -> b.append(Json.write(v)); // anything else (rare): Jackson
        }
        return b;
    }

    /** A double as Jackson writes it: {@link Double#toString}; NaN and infinities as quoted strings (Jackson's WRITE_NAN_AS_STRINGS). */
    public static StringBuilder number(StringBuilder b, double d) {
        if (Double.isFinite(d)) return fewDecimals(b, d) ? b : b.append(d);
        return b.append(Double.isNaN(d) ? "\"NaN\"" : d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    }

    /**
     * The fast path of {@link #number} for prices, confidences and other values with at most four decimals
     * (n / 10⁴ exactly, 10⁻³ ≤ |d| &lt; 10⁷): the decimal n / 10⁴ without trailing zeros, which is what
     * {@link Double#toString} prints for such a double — the shortest decimal that rounds to it is n / 10⁴, since
     * any other with as few digits lies at least 10⁻⁴ away while the double's neighbours are closer than 10⁻⁹ —
     * at a fraction of its cost (EventJsonTest compares both on millions of values).
     *
     * @return false, appending nothing, when {@code d} is not such a value
     */
    private static boolean fewDecimals(StringBuilder b, double d) {
        double abs = Math.abs(d);
        if (!(abs >= 1e-3 && abs < 1e7)) return false;
        long n = Math.round(abs * 10_000);
        if (n / 10_000.0 != abs) return false;
        if (d < 0) b.append('-');
        b.append(n / 10_000).append('.');
        int fraction = (int) (n % 10_000), digits = 4;
        if (fraction == 0) return b.append('0') != null;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        for (int scale = digits - 1; scale >= 0; scale--) b.append((char) ('0' + fraction / POWERS[scale] % 10));
        return true;
    }

    private static final int[] POWERS = {1, 10, 100, 1_000};

    /** A JSON string with Jackson's escaping: quote, backslash and control characters; null as {@code null}. */
    public static StringBuilder string(StringBuilder b, @Nullable String s) {
        if (s == null) return b.append("null");
        int clean = 0; // the common case (symbols, names, times, ids): nothing to escape, one bulk append
        while (clean < s.length()) {
            char c = s.charAt(clean);
            if (c < 0x20 || c == '"' || c == '\\') break;
            clean++;
        }
        if (clean == s.length()) return b.append('"').append(s).append('"');
        b.append('"').append(s, 0, clean);
        for (int i = clean; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04X", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"');
    }
}
