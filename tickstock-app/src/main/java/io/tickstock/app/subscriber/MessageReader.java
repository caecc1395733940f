package io.tickstock.app.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Channels;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Reads a Redis message in the canonical shape of CONTRACT.md or the Phase 5 shape of seeds/000 (single or
 * batch) into {@link Inbound} events with canonical field names. Readers are tolerant: unknown fields are
 * ignored, Phase 5 names are mapped ({@code indicator_type} → {@code indicator}, {@code symbol_universe_key}
 * → {@code universe}, flat alerts and health → nested objects). Thread-safe.
 */
public final class MessageReader {
    private final LongSupplier clock;

    /** @param clock wall clock, epoch ms, used when a message has no publication time */
    public MessageReader(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * @return one event, or several for a batch message
     * @throws UnreadableMessage with a short reason (invalid JSON, unknown type, missing field)
     */
    public List<Inbound> read(String channel, String text) throws UnreadableMessage {
        JsonNode root;
        try {
            root = Json.read(text);
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessage("invalid JSON");
        }
        if (!(root instanceof ObjectNode msg)) throw new UnreadableMessage("not a JSON object");
        long published = publishedAt(msg.get("timestamp"));
        String type = msg.path("type").asText(msg.path("event").asText(msg.path("event_type").asText("")));
        List<Inbound> out = new ArrayList<>(1);
        switch (channel) {
            case Channels.SESSION_STARTED -> out.add(session(Inbound.Kind.SESSION_STARTED, channel, msg, published));
            case Channels.SESSION_STOPPED -> out.add(session(Inbound.Kind.SESSION_STOPPED, channel, msg, published));
            case Channels.HEALTH -> out.add(new Inbound(Inbound.Kind.HEALTH, channel, health(msg), published));
            case Channels.PATTERNS_STREAMING, Channels.PATTERNS_DETECTED -> {
                for (JsonNode d : items(msg, "detection", "patterns")) out.add(new Inbound(Inbound.Kind.PATTERN, channel, pattern(d), published));
            }
            case Channels.INDICATORS_STREAMING -> {
                for (JsonNode c : items(msg, "calculation", "indicators")) out.add(new Inbound(Inbound.Kind.INDICATOR, channel, indicator(c), published));
            }
            case Channels.ALERTS_INDICATORS -> out.add(new Inbound(Inbound.Kind.ALERT, channel, alert(msg), published));
            case Channels.ALERTS_CRITICAL -> out.add(new Inbound(Inbound.Kind.CRITICAL, channel, critical(msg), published));
            case Channels.BARS_STREAMING -> out.add(bar(channel, msg, type, published));
            case Channels.PERSISTENCE -> out.add(new Inbound(Inbound.Kind.PERSISTENCE, channel, object(msg, "batch"), published));
            case Channels.LEGACY_PATTERNS -> out.add(new Inbound(Inbound.Kind.LEGACY_PATTERN, channel, require(object(msg, "data"), "pattern"), published));
            case Channels.LEGACY_HEALTH -> out.add(new Inbound(Inbound.Kind.LEGACY_HEALTH, channel, object(msg, "data"), published));
            default -> throw new UnreadableMessage("unknown channel");
        }
        return out;
    }

    private long publishedAt(JsonNode ts) {
        if (ts == null || ts.isNull()) return clock.getAsLong();
        if (ts.isNumber()) return (long) (ts.asDouble() * 1000);
        try {
            return IsoTime.parseMillis(ts.asText());
        } catch (RuntimeException e) {
            return clock.getAsLong();
        }
    }

    private static List<JsonNode> items(ObjectNode msg, String single, String batch) throws UnreadableMessage {
        if (msg.get(batch) instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return list;
        }
        if (msg.has(single)) return List.of(msg.get(single));
        throw new UnreadableMessage("missing " + single + " or " + batch);
    }

    private static ObjectNode object(ObjectNode msg, String field) throws UnreadableMessage {
        if (msg.get(field) instanceof ObjectNode o) return o;
        throw new UnreadableMessage("missing " + field);
    }

    private static ObjectNode require(ObjectNode o, String... fields) throws UnreadableMessage {
        for (String f : fields) if (!o.hasNonNull(f)) throw new UnreadableMessage("missing " + f);
        return o;
    }

    private static void rename(ObjectNode o, String from, String to) {
        if (!o.has(to) && o.has(from)) o.set(to, o.get(from));
    }

    private Inbound session(Inbound.Kind kind, String channel, ObjectNode msg, long published) throws UnreadableMessage {
        ObjectNode s = msg.get("session") instanceof ObjectNode o ? o.deepCopy() : object(msg, "data").deepCopy();
        rename(s, "symbol_universe_key", "universe");
        rename(s, "start_time", "started_at");
        rename(s, "stop_time", "stopped_at");
        if (kind == Inbound.Kind.SESSION_STARTED && !s.has("status")) s.put("status", "active");
        return new Inbound(kind, channel, require(s, "session_id"), published);
    }

    private static ObjectNode health(ObjectNode msg) throws UnreadableMessage {
        ObjectNode h = msg.get("health") instanceof ObjectNode o ? o.deepCopy() : msg.deepCopy();
        for (String f : new String[] {"session_id", "active_symbols", "status"}) if (!h.has(f) && msg.has(f)) h.set(f, msg.get(f));
        rename(h, "resources", "resource_usage");
        if (!h.has("connection_status") && h.path("connection").has("active")) {
            h.put("connection_status", h.path("connection").path("active").asInt() > 0 ? "connected" : "disconnected");
        }
        h.remove("type");
        h.remove("event");
        return require(h, "status");
    }

    private static ObjectNode pattern(JsonNode node) throws UnreadableMessage {
        if (!(node instanceof ObjectNode d)) throw new UnreadableMessage("detection is not an object");
        ObjectNode p = d; // a fresh tree per message: normalized in place
        rename(p, "pattern", "pattern_type");
        rename(p, "pattern_name", "pattern_type");
        require(p, "symbol", "pattern_type");
        if (!p.has("confidence")) throw new UnreadableMessage("missing confidence");
        return p;
    }

    private static ObjectNode indicator(JsonNode node) throws UnreadableMessage {
        if (!(node instanceof ObjectNode c)) throw new UnreadableMessage("calculation is not an object");
        ObjectNode i = c;
        rename(i, "indicator_type", "indicator");
        if (!i.has("value") && i.path("values").has("value")) i.set("value", i.path("values").get("value"));
        if (!i.has("values") && i.has("value")) i.putObject("values").set("value", i.get("value"));
        return require(i, "symbol", "indicator");
    }

    private static ObjectNode alert(ObjectNode msg) throws UnreadableMessage {
        ObjectNode a = msg.get("alert") instanceof ObjectNode o ? o.deepCopy() : msg.deepCopy();
        for (String f : new String[] {"symbol", "alert_type", "session_id", "data"}) if (!a.has(f) && msg.has(f)) a.set(f, msg.get(f));
        if (!a.has("timestamp") && msg.has("timestamp")) a.set("timestamp", msg.get("timestamp"));
        if (!a.has("severity")) a.put("severity", "warning");
        a.remove("type");
        return require(a, "symbol", "alert_type", "timestamp");
    }

    private static ObjectNode critical(ObjectNode msg) throws UnreadableMessage {
        ObjectNode a = msg.get("alert") instanceof ObjectNode o ? o.deepCopy() : msg.deepCopy();
        a.remove("type");
        return require(a, "message", "severity");
    }

    private static Inbound bar(String channel, ObjectNode msg, String type, long published) throws UnreadableMessage {
        ObjectNode b = require(object(msg, "bar").deepCopy(), "symbol", "timestamp", "open", "high", "low", "close");
        if (msg.has("revision")) b.set("revision", msg.get("revision"));
        Inbound.Kind kind = "streaming_bar_correction".equals(type) ? Inbound.Kind.BAR_CORRECTION : Inbound.Kind.BAR;
        return new Inbound(kind, channel, b, published);
    }
}
