package io.tickstock.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import java.util.List;

/**
 * Browser frames of CONTRACT.md: {@code {"event":"<name>","data":{…}}} with the event names of seeds/003.
 * Thread-safe (stateless).
 */
public final class Frames {
    private Frames() {}

    public static String frame(String event, JsonNode data) {
        ObjectNode f = Json.MAPPER.createObjectNode();
        f.put("event", event);
        f.set("data", data);
        return f.toString();
    }

    /** {@code streaming_session} with {@code type} started or stopped and the {@code session} object. */
    public static String session(boolean started, JsonNode session) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("type", started ? "streaming_session_started" : "streaming_session_stopped");
        d.set("session", session);
        return frame("streaming_session", d);
    }

    public static String health(JsonNode health) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.set("health", health);
        return frame("streaming_health", d);
    }

    /** A batch frame ({@code streaming_patterns_batch} / {@code streaming_indicators_batch}). */
    public static String batch(String event, String field, List<? extends JsonNode> items, long nowMillis) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        ArrayNode array = d.putArray(field);
        items.forEach(array::add);
        d.put("count", items.size());
        d.put("timestamp", IsoTime.format(nowMillis));
        return frame(event, d);
    }
}
