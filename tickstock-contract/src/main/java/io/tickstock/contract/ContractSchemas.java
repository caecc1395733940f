package io.tickstock.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Validates messages against the contract's JSON Schemas (draft 2020-12), one schema per message
 * {@code type} (legacy envelopes: per {@code event_type}) under {@code io/tickstock/contract/schemas/}.
 * Needs {@code com.networknt:json-schema-validator} on the class path (an optional dependency: tests
 * and tools add it). Thread-safe.
 */
public final class ContractSchemas {
    private ContractSchemas() {}

    /** The message types each channel may carry. */
    public static final Map<String, Set<String>> TYPES_BY_CHANNEL = Map.ofEntries(
            Map.entry(Channels.SESSION_STARTED, Set.of("streaming_session_started")),
            Map.entry(Channels.SESSION_STOPPED, Set.of("streaming_session_stopped")),
            Map.entry(Channels.HEALTH, Set.of("streaming_health")),
            Map.entry(Channels.PATTERNS_STREAMING, Set.of("streaming_pattern", "streaming_patterns_batch")),
            Map.entry(Channels.PATTERNS_DETECTED, Set.of("streaming_pattern", "streaming_patterns_batch")),
            Map.entry(Channels.INDICATORS_STREAMING, Set.of("streaming_indicator", "streaming_indicators_batch")),
            Map.entry(Channels.ALERTS_INDICATORS, Set.of("indicator_alert")),
            Map.entry(Channels.ALERTS_CRITICAL, Set.of("critical_alert")),
            Map.entry(Channels.PERSISTENCE, Set.of("persistence_batch")),
            Map.entry(
                    Channels.BARS_STREAMING,
                    Set.of("streaming_bar", "streaming_bars_batch", "streaming_bar_correction")),
            Map.entry(Channels.LEGACY_PATTERNS, Set.of("pattern_detected")),
            Map.entry(Channels.LEGACY_HEALTH, Set.of("system_health")),
            Map.entry(Channels.ENGINE_COMMANDS, Set.of("session_command")),
            Map.entry(Channels.JOBS_BACKTEST, Set.of("backtest_job", "scorecard_job")),
            Map.entry(Channels.JOBS_CANCEL, Set.of("cancel_job")),
            Map.entry(Channels.BACKTEST_PROGRESS, Set.of("backtest_progress")),
            Map.entry(Channels.BACKTEST_RESULTS, Set.of("backtest_result")));

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    /** The message's type: {@code type}, else the legacy {@code event_type}, else null. */
    public static @Nullable String typeOf(JsonNode message) {
        JsonNode type = message.has("type") ? message.get("type") : message.get("event_type");
        return type == null ? null : type.asText();
    }

    /**
     * Checks one message published on a channel.
     *
     * @return the violations, empty when the message is valid for that channel
     */
    public static List<String> violations(String channel, String text) {
        JsonNode message;
        try {
            message = Json.read(text);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        String type = typeOf(message);
        Set<String> allowed = TYPES_BY_CHANNEL.get(channel);
        if (allowed == null) return List.of("unknown channel " + channel);
        if (type == null || !allowed.contains(type)) return List.of("type " + type + " not allowed on " + channel);
        Set<ValidationMessage> errors = schema(type).validate(message);
        return errors.stream().map(ValidationMessage::getMessage).toList();
    }

    private static JsonSchema schema(String type) {
        return CACHE.computeIfAbsent(type, t -> {
            String path = "schemas/" + t + ".schema.json";
            try (InputStream in = ContractSchemas.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("no schema " + path);
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
