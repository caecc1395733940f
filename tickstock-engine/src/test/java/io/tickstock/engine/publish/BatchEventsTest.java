package io.tickstock.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.engine.MarketData;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.trades.Trade;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine's {@code --batch-events} mode publishes the same indicator values and patterns as the default one
 * message each, in {@code streaming_indicators_batch} / {@code streaming_patterns_batch} messages of at most 50
 * (SPY's 2013-10-08 ticks, every message compared once unpacked, random ids, session ids and publication times aside).
 */
class BatchEventsTest {
    @Test
    void batchesCarryExactlyTheSingleMessagesItems() throws Exception {
        List<String> singles = run(false), batched = run(true);
        assertThat(unpack(batched, Channels.INDICATORS_STREAMING, "calculation", "indicators"))
                .isNotEmpty()
                .isEqualTo(unpack(singles, Channels.INDICATORS_STREAMING, "calculation", "indicators"));
        assertThat(unpack(batched, Channels.PATTERNS_STREAMING, "detection", "patterns"))
                .isNotEmpty()
                .isEqualTo(unpack(singles, Channels.PATTERNS_STREAMING, "detection", "patterns"));
        assertThat(unpack(batched, Channels.PATTERNS_DETECTED, "detection", "patterns"))
                .isEqualTo(unpack(singles, Channels.PATTERNS_DETECTED, "detection", "patterns"));
        for (String m : batched) {
            JsonNode msg = Json.read(m.substring(m.indexOf('|') + 1));
            for (String field : List.of("indicators", "patterns")) {
                if (msg.has(field)) {
                    assertThat(msg.get(field).size())
                            .isBetween(1, EventEmitter.BATCH)
                            .isEqualTo(msg.path("count").asInt());
                }
            }
        }
        // one symbol: a bar close's 8 values in one message
        assertThat(count(batched, Channels.INDICATORS_STREAMING))
                .isLessThan(count(singles, Channels.INDICATORS_STREAMING) / 4);
    }

    private static long count(List<String> messages, String channel) {
        return messages.stream().filter(m -> m.startsWith(channel + '|')).count();
    }

    /** "channel|json" of every PUBLISH of a replay of SPY's day. */
    private static List<String> run(boolean batch) throws Exception {
        List<String> out = new ArrayList<>();
        CommandSink sink = c -> out.add(c.target() + '|' + c.payload());
        EventEmitter emitter = new EventEmitter(sink, row -> true, new EngineStats(), () -> 1_700_000_000_000L, batch);
        emitter.session(new StreamingSession("test", 1, io.tickstock.engine.session.SessionTrigger.REPLAY, 0));
        Pipeline pipeline = new Pipeline(Pipeline.Options.defaults(), emitter);
        try (LeanTickFile spy = new LeanTickFile(MarketData.lean("tick/spy/20131008_trade.zip"))) {
            for (Trade t; (t = spy.next()) != null; ) pipeline.onTrade(t);
        }
        pipeline.flush();
        return out;
    }

    /** The items of a channel's messages, single or batch, without their random ids. */
    private static List<String> unpack(List<String> messages, String channel, String single, String batch) {
        List<String> items = new ArrayList<>();
        for (String m : messages) {
            if (!m.startsWith(channel + '|')) continue;
            JsonNode msg = Json.read(m.substring(channel.length() + 1));
            List<JsonNode> nodes = new ArrayList<>();
            if (msg.has(batch)) msg.get(batch).forEach(nodes::add);
            else nodes.add(msg.get(single));
            for (JsonNode n : nodes) {
                ObjectNode item = n.deepCopy();
                if (item.get("metadata") instanceof ObjectNode meta) {
                    meta.remove("pattern_id");
                    meta.remove("flow_id");
                    meta.remove("session_id"); // each run opens its own session
                }
                items.add(item.toString());
            }
        }
        return items;
    }
}
