package io.tickstock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.kafka.PartitionMerge;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.trades.Trade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * The trade log read back as an engine must read it: the whole 2013-10-08 replay encoded as ingest writes it (12
 * partitions by Kafka's key hash, watermarks on every partition each second, the end-of-feed watermark), delivered
 * partition by partition in random chunks (as consumer polls skew), merged by {@link PartitionMerge} and run through
 * two shards, gives the same rows and messages as the replay read directly — every trade once, in time order, none
 * found late.
 */
class TradeLogMergeTest {
    static final int PARTITIONS = 12;

    @Test
    void mergedPartitionsGiveWhatTheDirectReplayGives() throws Exception {
        List<Trade> day = new ArrayList<>();
        try (MergedTradeSource source = new MergedTradeSource(RecordedOutput.day(), Long.MIN_VALUE)) {
            for (Trade t; (t = source.next()) != null; ) day.add(t);
        }
        RecordedOutput direct = new RecordedOutput();
        try (Shards pipeline = new Shards(1, Pipeline.Options.defaults(), direct.emitter(4), bar -> {})) {
            day.forEach(pipeline::onTrade);
            pipeline.flush();
        }

        List<List<TradeRecords.Decoded>> log = log(day);
        RecordedOutput merged = new RecordedOutput();
        List<Trade> released = new ArrayList<>();
        try (Shards pipeline = new Shards(2, Pipeline.Options.defaults(), merged.emitter(4), bar -> {})) {
            PartitionMerge merge = new PartitionMerge();
            List<Integer> all = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) all.add(p);
            merge.assign(all);
            PartitionMerge.Sink sink = new PartitionMerge.Sink() {
                @Override
                public void trade(Trade t) {
                    released.add(t);
                    pipeline.onTrade(t);
                }

                @Override
                public void watermark(long millis) {
                    if (millis == Long.MAX_VALUE) pipeline.flush();
                    else pipeline.onWatermark(millis);
                }
            };
            int[] read = new int[PARTITIONS];
            SplittableRandom random = new SplittableRandom(11);
            for (int left = log.stream().mapToInt(List::size).sum(); left > 0; ) {
                int p = random.nextInt(PARTITIONS),
                        n = Math.min(1 + random.nextInt(2_000), log.get(p).size() - read[p]);
                for (int i = 0; i < n; i++) merge.add(p, log.get(p).get(read[p]++));
                left -= n;
                merge.drain(sink);
            }
            assertThat(merge.buffered()).isZero();
        }
        assertThat(released).hasSameSizeAs(day);
        for (int i = 1; i < released.size(); i++)
            assertThat(released.get(i).timeMillis())
                    .isGreaterThanOrEqualTo(released.get(i - 1).timeMillis());
        assertThat(merged.sortedRows()).isEqualTo(direct.sortedRows());
        assertThat(merged.sortedMessages()).isEqualTo(direct.sortedMessages());
    }

    /** The records ingest writes for {@code day}, per partition, decoded. */
    private static List<List<TradeRecords.Decoded>> log(List<Trade> day) {
        List<List<TradeRecords.Decoded>> log = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) log.add(new ArrayList<>());
        Map<String, Integer> partitionOf = new HashMap<>();
        long lastMark = Long.MIN_VALUE;
        for (Trade t : day) {
            int p = partitionOf.computeIfAbsent(
                    t.symbol(), s -> Utils.toPositive(Utils.murmur2(TradeRecords.key(s))) % PARTITIONS);
            log.get(p).add(TradeRecords.decode(TradeRecords.key(t.symbol()), TradeRecords.trade(t)));
            if (lastMark == Long.MIN_VALUE || t.timeMillis() - lastMark >= 1_000) {
                lastMark = t.timeMillis();
                for (List<TradeRecords.Decoded> partition : log)
                    partition.add(TradeRecords.decode(null, TradeRecords.watermark(lastMark)));
            }
        }
        for (List<TradeRecords.Decoded> partition : log)
            partition.add(TradeRecords.decode(null, TradeRecords.watermark(Long.MAX_VALUE)));
        return log;
    }
}
