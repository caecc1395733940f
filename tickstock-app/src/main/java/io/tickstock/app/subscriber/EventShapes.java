package io.tickstock.app.subscriber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import io.tickstock.contract.Limits;
import java.util.Set;

/**
 * The canonical inner object of each message kind (the integration contract), read from the canonical or the Phase 5 shape
 * (the Phase 5 format), checked field by field ({@link Fields}) and bound to the contract's record: Phase 5 names mapped, flat
 * alerts and health nested, required fields present and of their type, times rewritten in the contract's form. What
 * the seeds let a producer omit gets the contract's default: timeframe {@code 1min}, empty parameters, metadata and
 * alert data, direction {@code neutral}, alert severity {@code warning}, a bar's session {@code regular} and its VWAP
 * its close, an indicator's value its first output. Each method refuses with {@link UnreadableMessage} naming the
 * field. Pure; thread-safe.
 */
final class EventShapes {
    private EventShapes() {}

    private static final Set<String> HEALTH_STATUS = Set.of("healthy", "warning", "critical");
    private static final Set<String> SEVERITY = Set.of("info", "warning", "error", "critical");
    private static final Set<String> DIRECTION = Set.of("bullish", "bearish", "neutral");
    private static final Set<String> BAR_SESSION = Set.of("pre", "regular", "post");

    static ObjectNode object(ObjectNode msg, String field) throws UnreadableMessage {
        if (msg.get(field) instanceof ObjectNode o) return o;
        throw new UnreadableMessage("missing " + field);
    }

    private static void rename(ObjectNode o, String from, String to) {
        if (!o.has(to) && o.has(from)) o.set(to, o.get(from));
    }

    private static long minuteOf(long millis) {
        return Math.floorDiv(millis, 60_000L) * 60_000L;
    }

    static Inbound.Event session(boolean started, ObjectNode msg, long published) throws UnreadableMessage {
        ObjectNode s = msg.get("session") instanceof ObjectNode o
                ? o.deepCopy()
                : object(msg, "data").deepCopy();
        rename(s, "symbol_universe_key", "universe");
        rename(s, "start_time", "started_at");
        rename(s, "stop_time", "stopped_at");
        Fields.text(s, "session_id", "session", 64);
        Fields.optionalText(s, "universe", "session", 100);
        Fields.optionalText(s, "trigger_type", "session", 20);
        Fields.optionalText(s, "final_status", "session", 20);
        Fields.optionalNumber(s, "symbol_count", "session", 0, 1e7);
        Fields.optionalNumber(s, "duration_seconds", "session", 0, 1e9);
        Fields.optionalNumber(s, "total_patterns", "session", 0, 1e12);
        Fields.optionalNumber(s, "total_indicators", "session", 0, 1e12);
        Fields.optionalText(s, "status", "session", 20);
        if (started) {
            Fields.time(s, "started_at", "session", published);
            if (!s.has("status")) s.put("status", "active");
            return new Inbound.SessionStarted(as(s, SessionView.class, "session"));
        }
        Fields.time(s, "stopped_at", "session", published);
        s.put("status", "stopped");
        return new Inbound.SessionStopped(as(s, SessionView.class, "session"));
    }

    /**
     * The checked tree as the record {@code type} (snake_case names, unknown fields ignored).
     *
     * @throws UnreadableMessage naming {@code where} when a field cannot be bound (e.g. an integer out of range)
     */
    static <T> T as(ObjectNode checked, Class<T> type, String where) throws UnreadableMessage {
        try {
            return Json.MAPPER.treeToValue(checked, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableMessage(where + ": fields of the wrong type");
        }
    }

    /** Sets {@code field} to {@code value} when absent or null. */
    private static void orDefault(ObjectNode o, String field, String value) {
        if (o.path(field).isMissingNode() || o.path(field).isNull()) o.put(field, value);
    }

    /** Sets {@code field} to an empty object when absent or null. */
    private static void orEmpty(ObjectNode o, String field) {
        if (o.path(field).isMissingNode() || o.path(field).isNull()) o.putObject(field);
    }

    static Inbound.Health health(ObjectNode msg, long published) throws UnreadableMessage {
        ObjectNode h = msg.get("health") instanceof ObjectNode o ? o.deepCopy() : msg.deepCopy();
        for (String f : new String[] {"session_id", "active_symbols", "status"})
            if (!h.has(f) && msg.has(f)) h.set(f, msg.get(f));
        rename(h, "resources", "resource_usage");
        if (!h.has("connection_status") && h.path("connection").has("active")) {
            h.put("connection_status", h.path("connection").path("active").asInt() > 0 ? "connected" : "disconnected");
        }
        h.remove("type");
        h.remove("event");
        checkHealth(h, published);
        return new Inbound.Health(h);
    }

    private static void checkHealth(ObjectNode h, long published) throws UnreadableMessage {
        Fields.oneOf(h, "status", "health", HEALTH_STATUS, null);
        Fields.time(h, "timestamp", "health", published);
        Fields.optionalText(h, "session_id", "health", 64);
        Fields.optionalText(h, "connection_status", "health", 20);
        Fields.optionalText(h, "engine_id", "health", 64);
        Fields.optionalNumber(h, "active_symbols", "health", 0, 1e7);
        ObjectNode flow = Fields.optionalObject(h, "data_flow", "health");
        if (flow != null) {
            Fields.optionalNumber(flow, "ticks_per_second", "health.data_flow", 0, 1e12);
            Fields.optionalNumber(flow, "bars_per_minute", "health.data_flow", 0, 1e12);
            Fields.optionalNumber(flow, "processing_lag_ms", "health.data_flow", -1e12, 1e12);
        }
        ObjectNode resources = Fields.optionalObject(h, "resource_usage", "health");
        if (resources != null) {
            Fields.optionalNumber(resources, "cpu_percent", "health.resource_usage", 0, 1e5);
            Fields.optionalNumber(resources, "memory_mb", "health.resource_usage", 0, 1e9);
            Fields.optionalNumber(resources, "threads_active", "health.resource_usage", 0, 1e7);
        }
        ObjectNode stale = Fields.optionalObject(h, "stale_symbols", "health");
        if (stale != null) Fields.optionalNumber(stale, "count", "health.stale_symbols", 0, 1e7);
        Fields.optionalTexts(h, "issues", "health", 100);
    }

    static Inbound.Pattern pattern(JsonNode node, ObjectNode msg, long published) throws UnreadableMessage {
        if (!(node instanceof ObjectNode p)) throw new UnreadableMessage("detection is not an object");
        // a fresh tree per message: normalized in place
        rename(p, "pattern", "pattern_type");
        rename(p, "pattern_name", "pattern_type");
        if (!p.has("session_id") && msg.path("session_id").isTextual()) p.set("session_id", msg.get("session_id"));
        Fields.symbol(p, "detection");
        Fields.text(p, "pattern_type", "detection", 50);
        Fields.number(p, "confidence", "detection", 0, 1);
        Fields.time(p, "timestamp", "detection", minuteOf(published));
        Fields.oneOf(p, "direction", "detection", DIRECTION, "neutral");
        Fields.optionalText(p, "timeframe", "detection", 10);
        Fields.optionalText(p, "session_id", "detection", 64);
        ObjectNode bar = Fields.optionalObject(p, "bar_data", "detection");
        if (bar != null) {
            for (String f : new String[] {"open", "high", "low", "close"})
                Fields.price(bar, f, "detection.bar_data", false);
            Fields.optionalNumber(bar, "volume", "detection.bar_data", 0, Limits.MAX_SIZE);
        }
        Fields.optionalObject(p, "parameters", "detection");
        Fields.optionalObject(p, "metadata", "detection");
        orDefault(p, "timeframe", "1min");
        orEmpty(p, "parameters");
        orEmpty(p, "metadata");
        ObjectNode meta = (ObjectNode) p.get("metadata");
        if (!meta.has("session_id") && p.path("session_id").isTextual()) meta.set("session_id", p.get("session_id"));
        Fields.optionalText(meta, "session_id", "detection.metadata", 64);
        Fields.uuid(meta, "flow_id", "detection.metadata");
        return new Inbound.Pattern(as(p, Events.PatternDetection.class, "detection"));
    }

    static Inbound.Indicator indicator(JsonNode node, long published) throws UnreadableMessage {
        if (!(node instanceof ObjectNode i)) throw new UnreadableMessage("calculation is not an object");
        rename(i, "indicator_type", "indicator");
        if (!i.has("value") && i.path("values").has("value"))
            i.set("value", i.path("values").get("value"));
        if (!i.has("values") && i.has("value")) i.putObject("values").set("value", i.get("value"));
        Fields.symbol(i, "calculation");
        Fields.text(i, "indicator", "calculation", 50);
        Fields.time(i, "timestamp", "calculation", minuteOf(published));
        Fields.optionalText(i, "timeframe", "calculation", 10);
        Fields.optionalNumber(i, "value", "calculation", -Double.MAX_VALUE, Double.MAX_VALUE);
        ObjectNode values = Fields.optionalObject(i, "values", "calculation");
        if (values != null)
            for (var e : values.properties())
                Fields.number(values, e.getKey(), "calculation.values", -Double.MAX_VALUE, Double.MAX_VALUE);
        if (!i.has("value") && values != null && !values.isEmpty())
            i.set("value", values.properties().iterator().next().getValue()); // the primary output comes first
        Fields.number(i, "value", "calculation", -Double.MAX_VALUE, Double.MAX_VALUE);
        Fields.optionalObject(i, "metadata", "calculation");
        orDefault(i, "timeframe", "1min");
        orEmpty(i, "metadata");
        return new Inbound.Indicator(as(i, Events.IndicatorCalculation.class, "calculation"));
    }

    static Inbound.Alert alert(ObjectNode msg) throws UnreadableMessage {
        ObjectNode a = msg.get("alert") instanceof ObjectNode o ? o.deepCopy() : msg.deepCopy();
        for (String f : new String[] {"symbol", "alert_type", "session_id", "data"})
            if (!a.has(f) && msg.has(f)) a.set(f, msg.get(f));
        if (!a.has("timestamp") && msg.has("timestamp")) a.set("timestamp", msg.get("timestamp"));
        a.remove("type");
        Fields.symbol(a, "alert");
        Fields.text(a, "alert_type", "alert", 50);
        Fields.time(a, "timestamp", "alert", Long.MIN_VALUE);
        Fields.oneOf(a, "severity", "alert", SEVERITY, "warning");
        Fields.optionalText(
                a, "session_id", "alert", 64); // the legacy test script sends "test-session"; stored as NULL
        ObjectNode data = Fields.optionalObject(a, "data", "alert");
        if (data != null) Fields.optionalNumber(data, "value", "alert.data", -Double.MAX_VALUE, Double.MAX_VALUE);
        orEmpty(a, "data");
        return new Inbound.Alert(as(a, Events.IndicatorAlert.class, "alert"));
    }

    static Inbound.Critical critical(ObjectNode msg, long published) throws UnreadableMessage {
        ObjectNode a = msg.get("alert") instanceof ObjectNode o ? o.deepCopy() : msg.deepCopy();
        a.remove("type");
        Fields.text(a, "message", "alert", Fields.MAX_TEXT);
        Fields.oneOf(a, "severity", "alert", SEVERITY, null);
        Fields.time(a, "timestamp", "alert", published);
        Fields.optionalText(a, "component", "alert", 100);
        Fields.optionalText(a, "action_required", "alert", Fields.MAX_TEXT);
        Fields.optionalText(a, "recovery", "alert", Fields.MAX_TEXT);
        return new Inbound.Critical(as(a, Events.CriticalAlert.class, "alert"));
    }

    /** One bar of {@code msg} ({@code streaming_bar}, {@code streaming_bar_correction} or an item of a batch). */
    static Inbound.Bar bar(JsonNode bar, ObjectNode msg, String type) throws UnreadableMessage {
        if (!(bar instanceof ObjectNode o)) throw new UnreadableMessage("bar: not an object");
        ObjectNode b = o.deepCopy();
        Fields.symbol(b, "bar");
        Fields.time(b, "timestamp", "bar", Long.MIN_VALUE);
        for (String f : new String[] {"open", "high", "low", "close"}) Fields.price(b, f, "bar", true);
        Fields.number(b, "volume", "bar", 0, Limits.MAX_SIZE);
        Fields.optionalNumber(b, "vwap", "bar", 0, Limits.MAX_PRICE);
        Fields.optionalNumber(b, "trade_count", "bar", 0, Limits.MAX_SIZE);
        Fields.optionalText(b, "timeframe", "bar", 10);
        Fields.oneOf(b, "session", "bar", BAR_SESSION, "regular");
        Fields.optionalText(b, "session_id", "bar", 64);
        orDefault(b, "timeframe", "1min");
        if (!b.hasNonNull("vwap")) b.set("vwap", b.get("close"));
        Integer revision = null;
        if (msg.hasNonNull("revision")) revision = (int) Fields.number(msg, "revision", "message", 0, 1e9);
        else if ("streaming_bar_correction".equals(type)) revision = 1;
        return new Inbound.Bar(as(b, Events.Bar.class, "bar"), revision);
    }

    static Inbound.Persistence persistence(ObjectNode msg) throws UnreadableMessage {
        ObjectNode b = object(msg, "batch");
        String table = Fields.text(b, "table", "batch", 64);
        Fields.optionalNumber(b, "rows", "batch", 0, 1e12);
        return new Inbound.Persistence(table, b.path("rows").asLong(0));
    }

    static Inbound.LegacyPattern legacyPattern(ObjectNode msg) throws UnreadableMessage {
        ObjectNode d = object(msg, "data");
        Fields.text(d, "pattern", "data", 50);
        Fields.symbol(d, "data");
        Fields.optionalNumber(d, "confidence", "data", 0, 1);
        Fields.uuid(d, "flow_id", "data");
        return new Inbound.LegacyPattern(d);
    }

    /**
     * A backtest event: its owner ({@code data.user_id}, or null) and its {@code data} with the job id and either
     * progress or status; a result's results trimmed to its summary.
     */
    static Inbound.Backtest backtest(ObjectNode msg) throws UnreadableMessage {
        String type = msg.path("event_type").asText("");
        if (!type.equals("backtest_progress") && !type.equals("backtest_result"))
            throw new UnreadableMessage("event_type: not backtest_progress or backtest_result");
        ObjectNode d = object(msg, "data");
        Fields.uuid(d, "job_id", "data");
        Fields.text(d, "job_id", "data", 36);
        ObjectNode out = d.objectNode();
        out.set("job_id", d.get("job_id"));
        if (type.equals("backtest_progress")) {
            Fields.number(d, "progress", "data", 0, 1);
            for (String f : new String[] {"progress", "current_symbol", "estimated_completion"})
                if (d.has(f)) out.set(f, d.get(f));
        } else {
            Fields.oneOf(d, "status", "data", Set.of("completed", "failed", "cancelled"), null);
            out.set("status", d.get("status"));
            if (d.hasNonNull("error")) out.set("error", d.get("error"));
            if (d.path("results").path("summary").isObject())
                out.set("summary", d.path("results").path("summary"));
        }
        String owner = d.path("user_id").isTextual() ? d.path("user_id").asText() : null;
        return new Inbound.Backtest(type, owner, out);
    }

    static Inbound.LegacyHealth legacyHealth(ObjectNode msg) throws UnreadableMessage {
        return new Inbound.LegacyHealth(Fields.oneOf(object(msg, "data"), "status", "data", HEALTH_STATUS, null));
    }
}
