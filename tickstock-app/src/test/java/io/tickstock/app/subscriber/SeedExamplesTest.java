package io.tickstock.app.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON example of the Phase 5 guide (seeds/000) and of CONTRACT.md, read straight from those documents,
 * single and in batch form, is accepted by {@link MessageReader} with the canonical fields the app relies on.
 * The documents' placeholders are filled in as a producer would: {@code {"…pattern-specific measurements…"}} by
 * {@code {}}, a time {@code "…"} or {@code "<bar start>"} by a real ISO time, {@code "uuid"} and {@code "uuid-string"} by a UUID, and a choice
 * {@code "a|b|c"} by its first value; the reader checks real values, so a template's placeholder would be refused.
 */
class SeedExamplesTest {
    record Example(String source, String channel, String json) {
        @Override
        public String toString() {
            return source + " → " + channel;
        }
    }

    /** Channel of an example by its {@code type}/{@code event}/{@code event_type}; Phase 5 alerts have none. */
    private static final Map<String, String> CHANNEL_BY_TYPE = Map.ofEntries(
            Map.entry("session_started", Channels.SESSION_STARTED),
            Map.entry("streaming_session_started", Channels.SESSION_STARTED),
            Map.entry("streaming_session_stopped", Channels.SESSION_STOPPED),
            Map.entry("pattern_detected", Channels.PATTERNS_STREAMING),
            Map.entry("streaming_pattern", Channels.PATTERNS_STREAMING),
            Map.entry("indicator_calculated", Channels.INDICATORS_STREAMING),
            Map.entry("streaming_indicator", Channels.INDICATORS_STREAMING),
            Map.entry("indicator_alert", Channels.ALERTS_INDICATORS),
            Map.entry("streaming_health", Channels.HEALTH),
            Map.entry("critical_alert", Channels.ALERTS_CRITICAL),
            Map.entry("streaming_bar", Channels.BARS_STREAMING),
            Map.entry("persistence_batch", Channels.PERSISTENCE));

    static Stream<Example> examples() throws IOException {
        Path shared = Path.of(System.getProperty("tickstock.data.dir", "../../shared/data"))
                .getParent();
        Path phase5;
        try (Stream<Path> seeds = Files.list(shared.resolve("seeds"))) {
            phase5 = seeds.filter(p -> p.getFileName().toString().startsWith("000_"))
                    .findFirst()
                    .orElseThrow();
        }
        List<Example> out = new ArrayList<>();
        for (Path doc : List.of(phase5, shared.resolve("CONTRACT.md"))) {
            Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
            while (m.find()) {
                String json = m.group(1)
                        .replace("{\"…pattern-specific measurements…\"}", "{}")
                        .replace("\"…\"", "\"2025-10-05T10:15:00.000Z\"")
                        .replace("\"<bar start>\"", "\"2025-10-05T10:15:00.000Z\"")
                        .replace("\"uuid\"", "\"9b2c7e8e-1d3f-4a52-9c1e-2f6a0b7d4e11\"")
                        .replace("\"uuid-string\"", "\"9b2c7e8e-1d3f-4a52-9c1e-2f6a0b7d4e11\"")
                        .replaceAll("\"([a-z_]+)\\|[a-z_|]+\"", "\"$1\"");
                ObjectNode msg = (ObjectNode) Json.read(json);
                String channel = channel(msg);
                String source = doc.getFileName() + " " + type(msg);
                out.add(new Example(source, channel, json));
                batchForm(msg).ifPresent(b -> out.add(new Example(source + " (batch form)", channel, b)));
            }
        }
        assertThat(out.stream().filter(e -> e.source.startsWith("000_"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(out.stream().filter(e -> e.source.startsWith("CONTRACT"))).hasSizeGreaterThanOrEqualTo(11);
        return out.stream();
    }

    private static String type(ObjectNode msg) {
        return msg.path("type")
                .asText(msg.path("event").asText(msg.path("event_type").asText("alert")));
    }

    private static String channel(ObjectNode msg) {
        if (msg.path("source").asText().equals("TickStockPL")) return Channels.LEGACY_PATTERNS;
        if (msg.has("alert_type") && !msg.has("type")) return Channels.ALERTS_INDICATORS; // Phase 5 flat alert
        return CHANNEL_BY_TYPE.get(type(msg));
    }

    /** The documented batch form of a single pattern or indicator message. */
    private static java.util.Optional<String> batchForm(ObjectNode msg) {
        for (String[] f : new String[][] {{"detection", "patterns"}, {"calculation", "indicators"}}) {
            if (msg.has(f[0])) {
                ObjectNode b = msg.deepCopy();
                JsonNode item = b.remove(f[0]);
                b.putArray(f[1]).add(item).add(item);
                b.put("count", 2);
                return java.util.Optional.of(b.toString());
            }
        }
        return java.util.Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDocumentedExampleIsAccepted(Example example) throws UnreadableMessage {
        assertThat(example.channel).as("channel of " + example.source).isNotNull();
        List<Inbound> events = new MessageReader(() -> 0L).read(example.channel, example.json);
        assertThat(events).hasSize(example.source.endsWith("(batch form)") ? 2 : 1);
        for (Inbound e : events) {
            String symbol = switch (e.event()) {
                case Inbound.SessionStarted(SessionView v) -> {
                    assertThat(v.sessionId()).isNotEmpty();
                    yield null;
                }
                case Inbound.SessionStopped(SessionView v) -> {
                    assertThat(v.sessionId()).isNotEmpty();
                    yield null;
                }
                case Inbound.Pattern p -> {
                    assertThat(p.detection().patternType()).isNotEmpty();
                    yield p.detection().symbol();
                }
                case Inbound.Indicator(Events.IndicatorCalculation c) -> {
                    assertThat(c.indicator()).isNotEmpty();
                    assertThat(c.values()).as("every output kept").isNotEmpty();
                    yield c.symbol();
                }
                case Inbound.Alert(Events.IndicatorAlert a) -> {
                    assertThat(a.alertType())
                            .isEqualTo(a.alertType().toUpperCase(java.util.Locale.ROOT))
                            .isNotEmpty();
                    yield a.symbol();
                }
                case Inbound.Health(ObjectNode h) -> {
                    assertThat(h.path("status").asText()).isNotEmpty();
                    yield null;
                }
                case Inbound.Critical(Events.CriticalAlert a) -> {
                    assertThat(a.message()).isNotEmpty();
                    yield null;
                }
                case Inbound.Bar(Events.Bar bar, Integer revision) -> {
                    assertThat(bar.close()).isPositive();
                    yield bar.symbol();
                }
                case Inbound.Persistence p -> {
                    assertThat(p.table()).isNotEmpty();
                    yield null;
                }
                case Inbound.LegacyPattern(ObjectNode d) -> {
                    assertThat(d.path("pattern").asText()).isNotEmpty();
                    yield null;
                }
                case Inbound.LegacyHealth h -> {
                    assertThat(h.status()).isNotEmpty();
                    yield null;
                }
                case Inbound.Backtest b -> {
                    assertThat(b.data().path("job_id").asText()).isNotEmpty();
                    yield null;
                }
            };
            if (symbol != null) assertThat(symbol).matches("[A-Z.]{1,10}");
        }
    }
}
