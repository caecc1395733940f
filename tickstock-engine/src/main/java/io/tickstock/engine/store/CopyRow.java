package io.tickstock.engine.store;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A history row ready for PostgreSQL COPY: its {@link Table}, its unique key within that table (for
 * de-duplication inside a batch), the time it is about (epoch ms) and session for persistence
 * confirmations, and the CSV line of its column values. Also the line format of the on-disk spool
 * ({@link #line()} / {@link #parse}): five tab-separated fields, the CSV last; no field holds a newline
 * (JSON text escapes its control characters).
 */
record CopyRow(
        Table table, String key, long timeMillis, @Nullable String sessionId, String csv) {

    /** The spool line (without its newline). */
    String line() {
        return table.name() + '\t' + key + '\t' + timeMillis + '\t' + (sessionId == null ? "" : sessionId) + '\t' + csv;
    }

    /** @throws IllegalArgumentException when the line is not a spool line */
    static CopyRow parse(String line) {
        String[] f = line.split("\t", 5);
        if (f.length != 5) throw new IllegalArgumentException("not a spool line: " + line);
        return new CopyRow(Table.valueOf(f[0]), f[1], Long.parseLong(f[2]), f[3].isEmpty() ? null : f[3], f[4]);
    }

    // spotless:off (a table: one line per row type, as the columns line up)
    static CopyRow of(HistoryRow row) {
        return switch (row) {
            case HistoryRow.SessionStarted(Events.SessionStart s, long t) -> new CopyRow(Table.SESSION_STARTED, s.sessionId(), t,
                    s.sessionId(), csv(s.sessionId(), s.universe(), time(t), s.symbolCount(), s.triggerType()));
            case HistoryRow.SessionStopped(Events.SessionEnd s, long t) -> new CopyRow(Table.SESSION_STOPPED, s.sessionId(), t,
                    s.sessionId(), csv(s.sessionId(), time(t), s.totalPatterns(), s.totalIndicators(), s.finalStatus()));
            case HistoryRow.Bar(Events.Bar b, long t) -> new CopyRow(Table.BAR, b.symbol() + '|' + t, t, b.sessionId(),
                    csv(b.symbol(), time(t), b.open(), b.high(), b.low(), b.close(), b.volume(), b.tradeCount(), b.vwap(),
                            b.session(), b.sessionId(), b.filled()));
            case HistoryRow.Pattern(Events.PatternDetection d, String sid, long t) -> {
                Map<String, Object> meta = new LinkedHashMap<>(d.metadata());
                meta.put("direction", d.direction());
                meta.put("parameters", d.parameters());
                Events.BarData bar = Objects.requireNonNull(d.barData(), "the engine's detections carry bar_data");
                yield new CopyRow(Table.PATTERN, patternKey(sid, d.symbol(), d.patternType(), t), t, sid,
                        csv(sid, d.symbol(), d.patternType(), d.confidence(), time(t), d.timeframe(), bar.open(), bar.high(),
                                bar.low(), bar.close(), bar.volume(), Json.write(meta)));
            }
            case HistoryRow.PatternRetracted(String sid, String symbol, String type, long t) -> new CopyRow(Table.PATTERN_RETRACTED,
                    patternKey(sid, symbol, type, t), t, sid, csv(sid, symbol, type, time(t)));
            case HistoryRow.Indicator(Events.IndicatorCalculation i, String series, String sid, long t) -> {
                Map<String, Object> meta = new LinkedHashMap<>(i.metadata());
                meta.put("values", i.values());
                yield new CopyRow(Table.INDICATOR, sid + '|' + i.symbol() + '|' + series + '|' + t, t, sid,
                        csv(sid, i.symbol(), i.indicator(), series, i.value(), time(t), i.timeframe(), Json.write(meta)));
            }
            case HistoryRow.Health(Events.Health h, long t) -> new CopyRow(Table.HEALTH, h.sessionId() + '|' + t, t, h.sessionId(),
                    csv(h.sessionId(), h.status(), h.activeSymbols(), h.dataFlow().ticksPerSecond(), h.dataFlow().barsPerMinute(),
                            h.dataFlow().processingLagMs(), h.resourceUsage().cpuPercent(), h.resourceUsage().memoryMb(),
                            h.resourceUsage().threadsActive(), Json.write(h.issues()), time(t)));
            case HistoryRow.Alert(Events.IndicatorAlert a, long t) -> new CopyRow(Table.ALERT,
                    a.sessionId() + '|' + a.symbol() + '|' + a.alertType() + '|' + t, t, a.sessionId(),
                    csv(a.sessionId(), a.alertType(), a.symbol(), time(t), Json.write(a.data()), a.severity()));
            case HistoryRow.IntegrationEvent e -> new CopyRow(Table.INTEGRATION_EVENT, e.flowId() + '|' + e.checkpoint(),
                    e.timeMillis(), null, csv(e.flowId(), e.eventType(), e.source(), e.checkpoint(), e.channel(), e.symbol(),
                            e.patternName(), e.confidence(), e.userCount(), e.details()));
        };
    }
    // spotless:on

    /** Patterns and their retractions share one key space: the later of the two wins within a batch. */
    private static String patternKey(String sid, String symbol, String type, long t) {
        return sid + '|' + symbol + '|' + type + '|' + t;
    }

    private static String time(long millis) {
        return IsoTime.format(millis);
    }

    /** CSV for COPY: null is an empty unquoted field (NULL), text is always quoted, numbers and booleans plain. */
    static String csv(@Nullable Object... values) {
        StringBuilder sb = new StringBuilder(96);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(',');
            Object v = values[i];
            if (v == null) continue;
            if (v instanceof Number || v instanceof Boolean) {
                sb.append(v);
                continue;
            }
            String s = v.toString();
            sb.append('"');
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '"') sb.append('"');
                sb.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
            }
            sb.append('"');
        }
        return sb.toString();
    }
}
