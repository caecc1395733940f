package io.tickstock.app.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickstock.app.health.EngineLiveness;
import io.tickstock.app.subscriber.Inbound;
import io.tickstock.app.subscriber.SessionView;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        public void sendTo(String user, String frame) {
            frames.add(user + " " + frame);
        }

        @Override
        public <T extends StreamItem> void publish(String stream, List<T> items, Function<List<T>, String> render) {
            frames.add(render.apply(items));
        }

        @Override
        public <T extends StreamItem> void publishEach(
                String stream, List<T> items, Function<T, String> one, Function<List<T>, String> all) {
            items.forEach(i -> frames.add(one.apply(i))); // the contract's frames: one per item
        }
    };
    final BufferStats stats = new BufferStats(new SimpleMeterRegistry());
    final StreamingBuffer buffer = new StreamingBuffer(5, 100, recorder, () -> NOW, new LiveState(), stats);

    static Inbound pattern(String symbol, String type, double confidence, String bar) {
        return pattern(symbol, type, confidence, bar, Map.of("session_id", "s1"));
    }

    static Inbound pattern(String symbol, String type, double confidence, String bar, Map<String, Object> metadata) {
        Events.PatternDetection d = new Events.PatternDetection(
                symbol,
                type,
                confidence,
                bar,
                "1min",
                "bullish",
                new Events.BarData(1, 2, 0.5, 1.5, 100),
                Map.of(),
                metadata);
        return new Inbound(Channels.PATTERNS_STREAMING, new Inbound.Pattern(d), NOW);
    }

    static Inbound indicator(String symbol, double value) {
        Events.IndicatorCalculation c = new Events.IndicatorCalculation(
                symbol, "RSI", value, Map.of("value", value), "2025-10-05T10:15:00.000Z", "1min", Map.of("period", 14));
        return new Inbound(Channels.INDICATORS_STREAMING, new Inbound.Indicator(c), NOW);
    }

    static StreamItem.Bar bar(String symbol) {
        return new StreamItem.Bar(
                new Events.Bar(
                        symbol,
                        "2025-10-05T14:15:00.000Z",
                        "1min",
                        1,
                        2,
                        0.5,
                        1.5,
                        100,
                        1.4,
                        7,
                        "regular",
                        null,
                        false),
                null,
                NOW);
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

    static Inbound alert(String symbol) {
        return new Inbound(
                Channels.ALERTS_INDICATORS,
                new Inbound.Alert(new Events.IndicatorAlert(
                        symbol, "RSI_OVERBOUGHT", "2025-10-05T10:15:00.000Z", Map.of("value", 71.5), "info", "s1")),
                NOW);
    }

    @Test
    void alertsGoOutWhenTheDispatcherHasDrainedBeforeWhatFollowsAndRepeatsOnce() {
        buffer.accept(alert("SPY"));
        buffer.accept(alert("IBM"));
        buffer.accept(alert("SPY")); // the same alert again (reloaded after a gap): counted, not sent
        buffer.accept(new Inbound(Channels.HEALTH, new Inbound.Health(Json.MAPPER.createObjectNode()), NOW));
        buffer.accept(alert("AAPL"));
        buffer.close(); // the last drain and the queued sends
        assertThat(frames.stream().map(f -> Json.read(f).path("event").asText()))
                .containsExactly("indicator_alert", "indicator_alert", "streaming_health", "indicator_alert");
        assertThat(stats.snapshot())
                .containsEntry("indicator_alert.received", 3L)
                .containsEntry("indicator_alert.delivered", 3L)
                .containsEntry("indicator_alert.duplicate", 1L);
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
        buffer.accept(new Inbound(Channels.PATTERNS_DETECTED, copy.event(), NOW));
        buffer.close();
        assertThat(frames).isEmpty();
        assertThat(stats.snapshot()).containsEntry("pattern_high_confidence_copy.received", 1L);
    }

    @Test
    void browsersGetTheContractsObjectWithItsPublicationTime() {
        buffer.accept(pattern("SPY", "Engulfing", 0.9, "2025-10-05T10:15:00.000Z"));
        buffer.drained();
        buffer.close();
        JsonNode detection = Json.read(frames.getFirst()).path("data").path("detection");
        assertThat(detection.path("symbol").asText()).isEqualTo("SPY");
        assertThat(detection.path("pattern_type").asText()).isEqualTo("Engulfing");
        assertThat(detection.path("bar_data").path("close").asDouble()).isEqualTo(1.5);
        assertThat(detection.path("metadata").path("session_id").asText()).isEqualTo("s1");
        assertThat(detection.path("published_at").asText()).isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(detection.has("detection")).as("unwrapped").isFalse();
    }

    @Test
    void aRetractedPatternLeavesTheSnapshotAndIsAnnouncedAtOnce() {
        LiveState state = new LiveState();
        StreamingBuffer b = new StreamingBuffer(5, 100, recorder, () -> NOW, state, stats);
        b.accept(pattern("SPY", "Doji", 0.5, "2025-10-05T10:15:00.000Z"));
        b.accept(
                pattern("SPY", "Doji", 0.5, "2025-10-05T10:15:00.000Z", Map.of("session_id", "s1", "retracted", true)));
        b.close();
        assertThat(count("streaming_pattern_retracted")).isEqualTo(1);
        assertThat(state.snapshot(NOW)).noneMatch(f -> f.contains("streaming_patterns_batch"));
    }

    @Test
    void aStopMergesIntoTheRunningSession() {
        LiveState state = new LiveState();
        StreamingBuffer b = new StreamingBuffer(5, 100, recorder, () -> NOW, state, stats);
        SessionView start = SessionView.of(
                Json.read(
                        "{\"session_id\":\"s1\",\"universe\":\"market_leaders:top_500\",\"started_at\":\"2025-10-05T13:30:00.000Z\"}"));
        SessionView stop = SessionView.of(
                Json.read(
                        "{\"session_id\":\"s1\",\"stopped_at\":\"2025-10-05T20:00:00.000Z\",\"total_patterns\":12,\"final_status\":\"completed\"}"));
        b.accept(new Inbound(Channels.SESSION_STARTED, new Inbound.SessionStarted(start), NOW));
        assertThat(state.sessionActive()).isTrue();
        b.accept(new Inbound(Channels.SESSION_STOPPED, new Inbound.SessionStopped(stop), NOW));
        b.close();
        assertThat(state.sessionActive()).isFalse();
        JsonNode session = Json.read(frames.getLast()).path("data").path("session");
        assertThat(session.path("universe").asText()).isEqualTo("market_leaders:top_500");
        assertThat(session.path("total_patterns").asLong()).isEqualTo(12);
        assertThat(session.path("status").asText()).isEqualTo("stopped");
        assertThat(session.path("final_status").asText()).isEqualTo("completed");
        assertThat(session.has("duration_seconds")).as("absent, not null").isFalse();
    }

    @Test
    void patternsBelowTheMinimumConfidenceAreCountedNotForwarded() {
        StreamingBuffer b =
                new StreamingBuffer(5, 100, recorder, () -> NOW, new LiveState(), stats, new Delivery(0.7, true, 200));
        b.accept(pattern("SPY", "Doji", 0.5, "2025-10-05T10:15:00.000Z"));
        b.accept(pattern("SPY", "Hammer", 0.75, "2025-10-05T10:15:00.000Z"));
        b.close();
        assertThat(frames).hasSize(1).allMatch(f -> f.contains("Hammer") && !f.contains("Doji"));
        assertThat(stats.snapshot()).containsEntry("pattern.below_min_confidence", 1L);
    }

    @Test
    void withoutBufferingEveryItemGoesOutAtOnceInItsOwnFrame() {
        StreamingBuffer b =
                new StreamingBuffer(5, 100, recorder, () -> NOW, new LiveState(), stats, new Delivery(0, false, 200));
        b.accept(pattern("SPY", "Doji", 0.5, "2025-10-05T10:15:00.000Z"));
        b.accept(indicator("SPY", 40));
        b.accept(indicator("SPY", 41));
        b.drained();
        b.close();
        assertThat(count("streaming_pattern")).isEqualTo(1);
        assertThat(count("streaming_indicator")).as("not coalesced").isEqualTo(2);
        assertThat(count("streaming_patterns_batch") + count("streaming_indicators_batch"))
                .isZero();
    }

    @Test
    void aSnapshotStartsWithTheDeliverySettingsAndKeepsTheConfiguredHistory() {
        LiveState state = new LiveState(new Delivery(0, true, 10));
        StreamingBuffer b = new StreamingBuffer(5, 100, recorder, () -> NOW, state, stats);
        for (int i = 0; i < 15; i++) b.accept(pattern("SPY", "Doji" + i, 0.5, "2025-10-05T10:15:00.000Z"));
        b.close();
        List<String> snapshot = state.snapshot(NOW);
        assertThat(Json.read(snapshot.getFirst())
                        .path("data")
                        .path("browser_history")
                        .asInt())
                .isEqualTo(10);
        assertThat(Json.read(snapshot.get(1)).path("data").path("count").asInt())
                .isEqualTo(10);
        assertThat(Json.read(snapshot.getLast()).path("event").asText()).isEqualTo("snapshot_end");
        assertThat(Json.read(snapshot.getLast()).path("data").path("patterns").asInt())
                .isEqualTo(10);
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

    @Test
    void aBacktestJobsFramesGoToItsOwnerOnly() {
        var data = Json.MAPPER.createObjectNode().put("job_id", "5a1c8a43-3c1e-4a55-9a8e-0c7a1f7e2b10");
        var progress = new Inbound.Backtest(
                "backtest_progress", "carol", data.deepCopy().put("progress", 0.5));
        var ownerless =
                new Inbound.Backtest("backtest_result", null, data.deepCopy().put("status", "completed"));
        buffer.accept(new Inbound(Channels.BACKTEST_PROGRESS, progress, NOW));
        buffer.accept(new Inbound(Channels.BACKTEST_RESULTS, ownerless, NOW));
        buffer.close();
        assertThat(frames).hasSize(1).allMatch(f -> f.startsWith("carol {\"event\":\"backtest_progress\""));
    }
}
