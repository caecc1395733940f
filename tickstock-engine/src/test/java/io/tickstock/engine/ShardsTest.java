package io.tickstock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.trades.Trade;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Shards give what one thread gives: the full replay of 2013-10-08 (AIG, BAC, IBM, SPY; every trade, extended hours,
 * and every 97th trade delivered 90 s late: late trades, bar corrections, retractions) through one shard and through three produces the same history rows and the same
 * Redis messages (as multisets: batches unpacked into their items, random ids masked), only in another order.
 */
class ShardsTest {
    @Test
    void threeShardsPublishAndStoreExactlyWhatOneThreadDoes() throws Exception {
        assertThat(Set.of("AIG", "BAC", "IBM", "SPY").stream()
                        .map(s -> Shards.shardOf(s, 3))
                        .collect(Collectors.toSet()))
                .as("the day's symbols spread over more than one shard")
                .hasSizeGreaterThan(1);
        RecordedOutput one = replay(1), three = replay(3);
        assertThat(one.messages).hasSizeGreaterThan(20_000);
        assertThat(one.sortedMessages()).anyMatch(m -> m.contains("streaming_bar_correction"));
        assertThat(three.rows).hasSameSizeAs(one.rows);
        assertThat(three.sortedRows()).isEqualTo(one.sortedRows());
        assertThat(three.sortedMessages()).isEqualTo(one.sortedMessages());
    }

    /** The day's replay through {@code shards} shards. */
    private static RecordedOutput replay(int shards) throws Exception {
        RecordedOutput out = new RecordedOutput();
        try (Shards pipeline = new Shards(shards, Pipeline.Options.defaults(), out.emitter(4), bar -> {});
                MergedTradeSource source = new MergedTradeSource(RecordedOutput.day(), Long.MIN_VALUE)) {
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
        return out;
    }
}
