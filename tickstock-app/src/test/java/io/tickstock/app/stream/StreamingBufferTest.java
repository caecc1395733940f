package io.tickstock.app.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.app.health.EngineLiveness;
import io.tickstock.app.subscriber.Inbound;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The buffer on the test's thread with a recording fan-out and a fixed clock: what goes out at once, what is
 * batched, coalesced or de-duplicated. {@code close()} runs the pending sends and the last flush, so nothing sleeps.
 */
class StreamingBufferTest {
    static final long NOW = 1_700_000_000_000L;
    final List<String> frames = new ArrayList<>();
    final Fanout recorder = new Fanout() {
        @Override
        public void broadcast(String frame) {
            frames.add(frame);
        }

        @Override
        public void publish(String stream, List<ObjectNode> items, Function<List<ObjectNode>, String> render) {
            frames.add(render.apply(items));
        }
    };
    final BufferStats stats = new BufferStats(new SimpleMeterRegistry());
    final StreamingBuffer buffer = new StreamingBuffer(5, 100, recorder, () -> NOW, new LiveState(), stats);

    static Inbound pattern(String symbol, String type, double confidence, String bar) {
        ObjectNode p = (ObjectNode)
                Json.read("{\"symbol\":\"" + symbol + "\",\"pattern_type\":\"" + type + "\",\"confidence\":"
                        + confidence + ",\"timestamp\":\"" + bar + "\",\"metadata\":{\"session_id\":\"s1\"}}");
        return new Inbound(Inbound.Kind.PATTERN, Channels.PATTERNS_STREAMING, p, NOW);
    }

    static Inbound indicator(String symbol, double value) {
        ObjectNode i = (ObjectNode) Json.read("{\"symbol\":\"" + symbol + "\",\"indicator\":\"RSI\",\"value\":" + value
                + ",\"timestamp\":\"2025-10-05T10:15:00.000Z\",\"metadata\":{\"period\":14}}");
        return new Inbound(Inbound.Kind.INDICATOR, Channels.INDICATORS_STREAMING, i, NOW);
    }

    long count(String event) {
        return frames.stream()
                .filter(f -> f.startsWith("{\"event\":\"" + event + "\""))
                .count();
    }

    @Test
    void highConfidencePatternsGoAtOnceOthersInABatchAndRepeatsOnce() {
        buffer.accept(pattern("SPY", "Doji", 0.5, "2025-10-05T10:15:00.000Z"));
        buffer.accept(pattern("IBM", "Hammer", 0.6, "2025-10-05T10:15:00.000Z"));
        buffer.accept(pattern("SPY", "Engulfing", 0.9, "2025-10-05T10:15:00.000Z"));
        buffer.accept(
                pattern("SPY", "Doji", 0.5, "2025-10-05T10:15:00.000Z")); // reloaded and re-published: the same bar
        buffer.drained();
        buffer.close();
        assertThat(count("streaming_pattern"))
                .as("the high-confidence one, at once")
                .isEqualTo(1);
        assertThat(count("streaming_patterns_batch")).isEqualTo(1);
        assertThat(frames.stream()
                        .filter(f -> f.contains("streaming_patterns_batch"))
                        .findFirst()
                        .orElseThrow())
                .contains("\"count\":2");
        assertThat(stats.snapshot()).containsEntry("pattern.duplicate", 1L).containsEntry("pattern.delivered", 3L);
    }

    @Test
    void indicatorValuesCoalescePerSeriesWithinAnInterval() {
        buffer.accept(indicator("SPY", 40));
        buffer.accept(indicator("SPY", 41));
        buffer.accept(indicator("IBM", 55));
        buffer.close();
        String batch = frames.stream()
                .filter(f -> f.contains("streaming_indicators_batch"))
                .findFirst()
                .orElseThrow();
        assertThat(batch).contains("\"count\":2").contains("41").doesNotContain("\"value\":40");
        assertThat(stats.snapshot()).containsEntry("indicator.coalesced", 1L);
    }

    @Test
    void theHighConfidenceCopyChannelIsCountedNotForwarded() {
        Inbound copy = pattern("SPY", "Engulfing", 0.9, "2025-10-05T10:15:00.000Z");
        buffer.accept(new Inbound(copy.kind(), Channels.PATTERNS_DETECTED, copy.data(), NOW));
        buffer.close();
        assertThat(frames).isEmpty();
        assertThat(stats.snapshot()).containsEntry("pattern_high_confidence_copy.received", 1L);
    }

    @Test
    void aLostEngineIsAnnouncedWithItsStatusAndACriticalAlert() {
        buffer.engine(
                new EngineLiveness.Transition(EngineLiveness.Status.ALIVE, EngineLiveness.Status.LOST, NOW - 50_000));
        buffer.engine(new EngineLiveness.Transition(EngineLiveness.Status.LOST, EngineLiveness.Status.ALIVE, NOW));
        buffer.close();
        assertThat(count("engine_status")).isEqualTo(2);
        assertThat(frames.stream()
                        .filter(f -> f.startsWith("{\"event\":\"critical_alert\""))
                        .toList())
                .hasSize(2)
                .anySatisfy(f -> assertThat(f).contains("\"severity\":\"critical\"", "Engine lost"))
                .anySatisfy(f -> assertThat(f).contains("\"severity\":\"info\"", "Engine back"));
    }
}
