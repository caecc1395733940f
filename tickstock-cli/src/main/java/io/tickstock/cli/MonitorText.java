package io.tickstock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Json;
import java.util.Map;

/**
 * {@link MonitorCommand}'s snapshot as text for a terminal: one line per section, the rates one line per channel.
 * Pure.
 */
final class MonitorText {
    private MonitorText() {}

    static String render(Map<String, Object> snapshot) {
        JsonNode s = Json.MAPPER.valueToTree(snapshot);
        StringBuilder b = new StringBuilder();
        b.append("TickStock monitor · ").append(s.path("timestamp").asText()).append('\n');
        JsonNode session = s.path("session");
        line(
                b,
                "session",
                session.isObject()
                        ? session.path("session_id").asText() + " "
                                + session.path("status").asText("active") + " since "
                                + session.path("started_at").asText() + " ("
                                + session.path("universe").asText() + ", "
                                + session.path("symbol_count").asText() + " symbols)"
                        : "none running");
        JsonNode engine = s.path("engine");
        line(
                b,
                "engine",
                engine.path("status").asText().equals("none")
                        ? "no heartbeat: no engine is running on this Redis"
                        : "heartbeat " + engine.path("heartbeat_age_s").asText() + " s ago");
        health(b, s.path("health"));
        rates(b, s.path("messages_per_second"));
        rest(b, s);
        return b.toString();
    }

    private static void health(StringBuilder b, JsonNode h) {
        if (h.isObject()) {
            line(
                    b,
                    "health",
                    h.path("status").asText() + " · "
                            + h.path("ticks_per_second").asText() + " ticks/s · lag "
                            + h.path("processing_lag_ms").asText() + " ms · CPU "
                            + h.path("cpu_percent").asText()
                            + "% · " + h.path("memory_mb").asText() + " MB · at "
                            + h.path("measured_at").asText()
                            + (h.path("issues").isArray() && !h.path("issues").isEmpty()
                                    ? " · issues " + h.path("issues")
                                    : ""));
        }
    }

    private static void rates(StringBuilder b, JsonNode rates) {
        if (rates.isEmpty()) line(b, "channels", "no messages in the sample");
        else {
            boolean first = true;
            for (var e : rates.properties()) {
                line(
                        b,
                        first ? "channels" : "",
                        e.getKey() + "  " + e.getValue().asText() + "/s");
                first = false;
            }
        }
    }

    private static void rest(StringBuilder b, JsonNode s) {
        JsonNode f = s.path("flows");
        if (f.isObject()) {
            line(
                    b,
                    "flows",
                    "last " + f.path("flows").asText() + " pattern flows: publish→browser p50 "
                            + f.path("total_p50_ms").asText("–") + " ms, p95 "
                            + f.path("total_p95_ms").asText("–")
                            + " ms; publish→app p50 " + f.path("redis_p50_ms").asText("–") + " ms; "
                            + f.path("undelivered").asText() + " not delivered");
        }
        if (s.path("database").isTextual())
            line(b, "database", s.path("database").asText());
        JsonNode app = s.path("app");
        if (app.isObject()) {
            line(
                    b,
                    "app",
                    app.has("error")
                            ? app.path("error").asText()
                            : app.path("clients").asText() + " browsers · "
                                    + app.path("frames_sent").asText() + " frames sent · engine "
                                    + app.path("engine").asText());
        }
    }

    private static void line(StringBuilder b, String label, String text) {
        b.append(String.format("%-9s %s%n", label, text));
    }
}
