package io.tickstock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Json;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.publish.CommandSink;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.RowSink;
import io.tickstock.engine.trades.Trade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shards give what one thread gives: the full replay of 2013-10-08 (AIG, BAC, IBM, SPY; every trade, extended hours,
 * and every 97th trade delivered 90 s late: late trades, bar corrections, retractions) through one shard and through three produces the same history rows and the same
 * Redis messages (as multisets: batches unpacked into their items, random ids masked), only in another order.
 */
class ShardsTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void threeShardsPublishAndStoreExactlyWhatOneThreadDoes() throws Exception {
        assertThat(Set.of("AIG", "BAC", "IBM", "SPY").stream()
                        .map(s -> Shards.shardOf(s, 3))
                        .collect(Collectors.toSet()))
                .as("the day's symbols spread over more than one shard")
                .hasSizeGreaterThan(1);
        Output one = replay(1), three = replay(3);
        assertThat(one.messages).hasSizeGreaterThan(20_000);
        assertThat(one.messages).anyMatch(m -> m.contains("streaming_bar_correction"));
        assertThat(three.rows).hasSameSizeAs(one.rows);
        assertThat(sorted(three.rows)).isEqualTo(sorted(one.rows));
        assertThat(sorted(three.messages)).isEqualTo(sorted(one.messages));
    }

    private record Output(List<String> messages, List<String> rows) {}

    /** The day's replay through {@code shards} shards: every PUBLISH as "channel|item" and every row as text. */
    private static Output replay(int shards) throws Exception {
        List<String> messages = Collections.synchronizedList(new ArrayList<>()),
                rows = Collections.synchronizedList(new ArrayList<>());
        CommandSink redis = c -> messages.addAll(items(c.target(), c.payload()));
        RowSink postgres = row -> rows.add(row.toString().replaceAll(UUID, "<id>"));
        EventEmitter emitter = new EventEmitter(redis, postgres, new EngineStats(), () -> 1_700_000_000_000L);
        emitter.session(new StreamingSession("shards", 4, SessionTrigger.REPLAY, 0));
        List<LeanTickFile> files = new ArrayList<>();
        for (String s : List.of("aig", "bac", "ibm", "spy"))
            files.add(new LeanTickFile(MarketData.lean("tick/" + s + "/20131008_trade.zip")));
        try (Shards pipeline = new Shards(shards, Pipeline.Options.defaults(), emitter, bar -> {});
                MergedTradeSource source = new MergedTradeSource(files, Long.MIN_VALUE)) {
            long second = Long.MIN_VALUE, n = 0;
            java.util.ArrayDeque<Trade> delayed = new java.util.ArrayDeque<>();
            for (Trade t; (t = source.next()) != null; ) {
                if (t.timeMillis() / 1000 != second && (second = t.timeMillis() / 1000) % 7 == 0)
                    pipeline.onWatermark(t.timeMillis()); // now and then, as a replay's clock does
                if (++n % 97 == 0) delayed.add(t); // some trades arrive 90 s late: late trades, corrections
                else pipeline.onTrade(t);
                while (!delayed.isEmpty() && delayed.peek().timeMillis() + 90_000 <= t.timeMillis())
                    pipeline.onTrade(delayed.poll());
            }
            delayed.forEach(pipeline::onTrade);
            pipeline.flush();
        }
        return new Output(messages, rows);
    }

    /** A message's items (a batch unpacked), each "channel|json", random ids masked. */
    private static List<String> items(String channel, String payload) {
        JsonNode msg = Json.read(payload);
        List<String> out = new ArrayList<>();
        for (String batch : List.of("bars", "patterns", "indicators"))
            if (msg.get(batch) != null && msg.get(batch).isArray()) {
                msg.get(batch)
                        .forEach(item -> out.add(channel + '|' + item.toString().replaceAll(UUID, "<id>")));
                return out;
            }
        out.add(channel + '|' + payload.replaceAll(UUID, "<id>"));
        return out;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }
}
