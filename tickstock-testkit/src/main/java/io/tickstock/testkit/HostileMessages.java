package io.tickstock.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Channels;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Seeded hostile Redis messages for every channel the app reads and the engine's commands channel: text that is not
 * JSON, JSON that is not an object, nesting thousands deep, messages over 1 MiB, a valid message with a required
 * field removed, of the wrong type or out of range (a symbol of 11 letters or with a {@code <script>}, a confidence of
 * 7, a price of 1e12, a time of month 13). Each of those must be refused and counted by its reader. A small share is
 * hostile but valid — markup and control characters in text fields a browser must show as text — and must be
 * delivered. Used by {@code tickstock fuzz} and the fuzz test. Not thread-safe (one generator per thread).
 */
public final class HostileMessages {
    /** One message and whether the reader must refuse it. */
    public record Message(String channel, String text, boolean refused, String kind) {}

    /** Channel → a valid message in the contract's shape, and the dotted paths of its required fields. */
    private record Template(String channel, String json, List<String> required, Map<String, Object> outOfRange) {}

    private static final String NOW = "2025-10-05T14:15:30.123Z", BAR = "2025-10-05T14:15:00.000Z";
    private static final String SID = "9b2c7e8e-1d3f-4a52-9c1e-2f6a0b7d4e11";
    private static final List<Template> TEMPLATES = List.of(
            new Template(
                    Channels.PATTERNS_STREAMING,
                    "{\"type\":\"streaming_pattern\",\"timestamp\":\"" + NOW + "\",\"detection\":{\"symbol\":\"ZZFUZ\","
                            + "\"pattern_type\":\"Doji\",\"confidence\":0.5,\"timestamp\":\"" + BAR
                            + "\",\"timeframe\":\"1min\",\"direction\":\"neutral\"}}",
                    List.of("detection.symbol", "detection.pattern_type", "detection.confidence"),
                    Map.of(
                            "detection.confidence",
                            7,
                            "detection.symbol",
                            "<script>",
                            "detection.timestamp",
                            "2025-13-45T00:00:00Z")),
            new Template(
                    Channels.PATTERNS_DETECTED,
                    "{\"type\":\"streaming_pattern\",\"detection\":{\"symbol\":\"ZZFUZ\",\"pattern_type\":\"Hammer\","
                            + "\"confidence\":0.9}}",
                    List.of("detection.symbol", "detection.pattern_type", "detection.confidence"),
                    Map.of("detection.confidence", -0.5, "detection.symbol", "ABCDEFGHIJK")),
            new Template(
                    Channels.INDICATORS_STREAMING,
                    "{\"type\":\"streaming_indicator\",\"timestamp\":\"" + NOW
                            + "\",\"calculation\":{\"symbol\":\"ZZFUZ\","
                            + "\"indicator\":\"RSI\",\"value\":55.5,\"timestamp\":\"" + BAR + "\"}}",
                    List.of("calculation.symbol", "calculation.indicator"),
                    Map.of("calculation.value", "NaN", "calculation.timestamp", "yesterday")),
            // no top-level timestamp: the reader takes it for a missing alert.timestamp (the Phase 5 flat form)
            new Template(
                    Channels.ALERTS_INDICATORS,
                    "{\"type\":\"indicator_alert\",\"alert\":{\"symbol\":\"ZZFUZ\","
                            + "\"alert_type\":\"RSI_OVERBOUGHT\",\"timestamp\":\"" + BAR
                            + "\",\"severity\":\"info\",\"session_id\":\"" + SID + "\"}}",
                    List.of("alert.symbol", "alert.alert_type", "alert.timestamp"),
                    Map.of("alert.timestamp", "soon", "alert.severity", "apocalyptic")),
            new Template(
                    Channels.ALERTS_CRITICAL,
                    "{\"type\":\"critical_alert\",\"timestamp\":\"" + NOW + "\",\"alert\":{\"severity\":\"critical\","
                            + "\"message\":\"fuzz\",\"timestamp\":\"" + NOW + "\",\"component\":\"fuzz\"}}",
                    List.of("alert.message", "alert.severity"),
                    Map.of("alert.message", "x".repeat(2_001), "alert.timestamp", "2025-02-30T00:00:00Z")),
            new Template(
                    Channels.HEALTH,
                    "{\"type\":\"streaming_health\",\"timestamp\":\"" + NOW + "\",\"health\":{\"status\":\"healthy\","
                            + "\"timestamp\":\"" + NOW + "\",\"active_symbols\":4}}",
                    List.of("health.status"),
                    Map.of("health.status", "fine", "health.active_symbols", -3)),
            new Template(
                    Channels.BARS_STREAMING,
                    "{\"type\":\"streaming_bar\",\"timestamp\":\"" + NOW
                            + "\",\"bar\":{\"symbol\":\"ZZFUZ\",\"timestamp\":\"" + BAR
                            + "\",\"open\":1.5,\"high\":1.6,\"low\":1.4,\"close\":1.55,\"volume\":100}}",
                    List.of("bar.symbol", "bar.timestamp", "bar.open", "bar.high", "bar.low", "bar.close"),
                    Map.of("bar.close", 1e12, "bar.volume", -1, "bar.timestamp", "2025-10-05T25:00:00Z")),
            new Template(
                    Channels.SESSION_STARTED,
                    "{\"type\":\"streaming_session_started\",\"timestamp\":\"" + NOW
                            + "\",\"session\":{\"session_id\":\"" + SID + "\",\"universe\":\"fuzz\",\"started_at\":\""
                            + NOW + "\",\"symbol_count\":1}}",
                    List.of("session.session_id"),
                    Map.of("session.started_at", "noon", "session.symbol_count", -1)),
            new Template(
                    Channels.SESSION_STOPPED,
                    "{\"type\":\"streaming_session_stopped\",\"timestamp\":\"" + NOW
                            + "\",\"session\":{\"session_id\":\"" + SID + "\",\"stopped_at\":\"" + NOW + "\"}}",
                    List.of("session.session_id"),
                    Map.of("session.stopped_at", "never")),
            new Template(
                    Channels.PERSISTENCE,
                    "{\"type\":\"persistence_batch\",\"timestamp\":\"" + NOW
                            + "\",\"batch\":{\"table\":\"ohlcv_1min\",\"rows\":1}}",
                    List.of("batch.table"),
                    Map.of("batch.rows", -5)),
            new Template(
                    Channels.LEGACY_PATTERNS,
                    "{\"event_type\":\"pattern_detected\",\"source\":\"TickStockPL\",\"timestamp\":1.7E9,\"data\":{"
                            + "\"symbol\":\"ZZFUZ\",\"pattern\":\"Doji\",\"confidence\":0.5}}",
                    List.of("data.pattern", "data.symbol"),
                    Map.of("data.flow_id", "not-a-uuid", "data.confidence", 3)),
            new Template(
                    Channels.LEGACY_HEALTH,
                    "{\"event_type\":\"system_health\",\"source\":\"TickStockPL\",\"timestamp\":1.7E9,\"data\":{"
                            + "\"status\":\"healthy\"}}",
                    List.of("data.status"),
                    Map.of("data.status", "meh")),
            new Template(
                    Channels.ENGINE_COMMANDS,
                    "{\"type\":\"session_command\",\"timestamp\":\"" + NOW + "\",\"action\":\"status\"}",
                    List.of("type"),
                    Map.of("action", "reboot")));

    /** Text fields a browser must show as text, never run (delivered: they fit the contract). */
    private static final List<String> MARKUP = List.of(
            "<img src=x onerror=window.pwned=1>",
            "<script>window.pwned=1</script>",
            "\"><svg onload=window.pwned=1>",
            "javascript:window.pwned=1",
            "\u202eevil\u202c",
            "line\nbreak\ttab",
            "{{constructor}}");

    private final SplittableRandom random;
    private long serial;

    public HostileMessages(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * The next message, on a channel drawn evenly: 1 in 100 is hostile but valid markup (patterns and alerts channels) or
     * else over 1 MiB; the others are the malformed kinds, out-of-range values twice as often as each other kind.
     */
    public Message next() {
        Template t = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
        int dice = random.nextInt(10_000);
        if (dice < 100
                && (t.channel.equals(Channels.PATTERNS_STREAMING) || t.channel.equals(Channels.ALERTS_INDICATORS)))
            return markup(t);
        if (dice < 100) return new Message(Channels.ALERTS_CRITICAL, oversized(), true, "oversized");
        return switch (random.nextInt(8)) {
            case 0 -> new Message(t.channel, garbage(), true, "not JSON");
            case 1 ->
                new Message(
                        t.channel,
                        List.of("[1,2,3]", "42", "\"text\"", "null", "true", "[]", "[{}]")
                                .get(random.nextInt(7)),
                        true,
                        "not an object");
            case 2 -> new Message(t.channel, nested(t), true, "nested");
            case 3 ->
                new Message(
                        t.channel,
                        t.json + List.of(" x", "}", "{}", " 1").get(random.nextInt(4)),
                        true,
                        "trailing text");
            case 4 ->
                new Message(
                        t.channel,
                        without(t, t.required.get(random.nextInt(t.required.size()))),
                        true,
                        "missing field");
            case 5 ->
                new Message(
                        t.channel,
                        with(t, t.required.get(random.nextInt(t.required.size())), wrongType()),
                        true,
                        "wrong type");
            default -> {
                List<String> paths = List.copyOf(t.outOfRange.keySet());
                String path = paths.get(random.nextInt(paths.size()));
                yield new Message(t.channel, with(t, path, t.outOfRange.get(path)), true, "out of range");
            }
        };
    }

    /** A valid pattern or alert whose text fields carry markup: must be delivered, shown as text. */
    private Message markup(Template t) {
        String text = MARKUP.get(random.nextInt(MARKUP.size()));
        long bar = IsoTime.parseMillis(BAR) + (serial++ % 100_000) * 60_000L; // distinct bars: no repeat is a duplicate
        ObjectNode msg = (ObjectNode) Json.read(t.json);
        ObjectNode item = (ObjectNode) (msg.has("detection") ? msg.get("detection") : msg.get("alert"));
        item.put(msg.has("detection") ? "pattern_type" : "alert_type", text);
        item.put("symbol", "ZZXSS");
        item.put("timestamp", IsoTime.format(bar));
        return new Message(t.channel, msg.toString(), false, "markup (valid)");
    }

    private String garbage() {
        return switch (random.nextInt(5)) {
            case 0 -> "{";
            case 1 -> "{\"type\":\"streaming_pattern\",\"detection\":{\"symbol\":\"SPY\"";
            case 2 -> "\u0000\u0001\u001b[31m";
            case 3 -> "<html><script>alert(1)</script></html>";
            default -> {
                StringBuilder sb = new StringBuilder();
                for (int i = 0, n = 1 + random.nextInt(200); i < n; i++) sb.append((char) (32 + random.nextInt(95)));
                yield "{" + sb;
            }
        };
    }

    private String nested(Template t) {
        int depth = 33 + random.nextInt(3_000);
        String open = random.nextBoolean() ? "[" : "{\"a\":", close = open.equals("[") ? "]" : "}";
        String field = t.required.getFirst().split("\\.", -1)[0];
        return "{\"" + field + "\":" + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private static String oversized() {
        return "{\"type\":\"critical_alert\",\"alert\":{\"severity\":\"info\",\"message\":\""
                + "x".repeat((1 << 20) + 10) + "\"}}";
    }

    private Object wrongType() {
        return List.of(Map.of("x", List.of(1, 2)), List.of("a"), true, -12345, "")
                .get(random.nextInt(5)); // negative: no price, time or count
    }

    private static String without(Template t, String path) {
        ObjectNode msg = (ObjectNode) Json.read(t.json);
        parent(msg, path).remove(leaf(path));
        return msg.toString();
    }

    private static String with(Template t, String path, @Nullable Object value) {
        ObjectNode msg = (ObjectNode) Json.read(t.json);
        parent(msg, path).set(leaf(path), Json.MAPPER.valueToTree(value));
        return msg.toString();
    }

    private static ObjectNode parent(ObjectNode msg, String path) {
        JsonNode n = msg;
        String[] parts = path.split("\\.", -1);
        for (int i = 0; i < parts.length - 1; i++) n = n.get(parts[i]);
        return (ObjectNode) n;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
