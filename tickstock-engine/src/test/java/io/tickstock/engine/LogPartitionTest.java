package io.tickstock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.kafka.LogRecordTimes;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.session.SessionTrigger;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.trades.Trade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trade log run as engines run it, without a broker: the whole 2013-10-08 replay (4 symbols) encoded as ingest
 * writes it (12 partitions by Kafka's key hash, watermarks on every partition each second, the end-of-feed watermark),
 * each partition a {@link LogPartition} fed in random chunks. It gives the rows and messages of the replay read
 * directly; and an engine killed mid-day, its partitions resumed by a successor from the offsets it had committed,
 * re-warmed from the bars it had stored, still gives exactly those rows and messages: nothing lost, nothing published
 * twice.
 */
class LogPartitionTest {
    static final int PARTITIONS = 12;
    /** The session the partitions read (ingest's session record names it). */
    static final String SESSION = "00000000-0000-4000-8000-000000000001";

    static List<Trade> day = new ArrayList<>();
    static RecordedOutput direct = new RecordedOutput();

    @BeforeAll
    static void replayDirectly() throws Exception {
        try (MergedTradeSource source = new MergedTradeSource(RecordedOutput.day(), Long.MIN_VALUE)) {
            for (Trade t; (t = source.next()) != null; ) day.add(t);
        }
        try (Shards pipeline = new Shards(1, Pipeline.Options.defaults(), direct.emitter(4), bar -> {})) {
            day.forEach(pipeline::onTrade);
            pipeline.flush();
        }
    }

    /**
     * One forged watermark dated 2100 in the middle of every partition: taken as event time it would close every bar
     * and make the rest of the day late; refused by {@link LogRecordTimes}, the rows are the direct replay's.
     */
    @Test
    void aForgedFutureWatermarkIsRefusedAndEveryBarAfterItEqualsTheReference() {
        forgedMidSession(new TradeRecords.Decoded(null, 4_102_444_800_000L));
    }

    /**
     * A bare end-of-feed watermark ({@link Long#MAX_VALUE}) in the middle of every partition of a session: only the
     * session end naming the partition's session ends its feed, so the forged one is refused.
     */
    @Test
    void aForgedEndOfFeedInASessionIsRefusedAndEveryBarAfterItEqualsTheReference() {
        forgedMidSession(TradeRecords.decode(null, TradeRecords.watermark(Long.MAX_VALUE)));
    }

    /** Another session's end (a stale record of an earlier session) ends nothing in this one. */
    @Test
    void anotherSessionsEndIsRefusedAndEveryBarAfterItEqualsTheReference() {
        forgedMidSession(TradeRecords.decode(null, TradeRecords.sessionEnd("00000000-0000-4000-8000-00000000dead")));
    }

    private static void forgedMidSession(TradeRecords.Decoded forged) {
        List<List<TradeRecords.Decoded>> log = log(day);
        for (List<TradeRecords.Decoded> partition : log) partition.add(partition.size() / 2, forged);
        AtomicLong refused = new AtomicLong();
        LogRecordTimes times = new LogRecordTimes(System::currentTimeMillis, refused);
        List<List<TradeRecords.Decoded>> checked = new ArrayList<>();
        for (List<TradeRecords.Decoded> partition : log)
            checked.add(
                    partition.stream().filter(d -> times.accepts(d, SESSION)).toList());
        assertThat(refused).hasValue(PARTITIONS);
        RecordedOutput out = new RecordedOutput(), unchecked = new RecordedOutput();
        assertThat(runWhole(checked, out).sortedRows()).isEqualTo(direct.sortedRows());
        assertThat(runWhole(log, unchecked).sortedRows())
                .as("without the check the forged record changes the day")
                .isNotEqualTo(direct.sortedRows());
    }

    private static RecordedOutput runWhole(List<List<TradeRecords.Decoded>> log, RecordedOutput out) {
        EventEmitter root = out.emitter(4);
        List<LogPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) partitions.add(partition(p, root, List.of(), null));
        run(log, partitions, new int[PARTITIONS], Integer.MAX_VALUE, new SplittableRandom(11));
        drain(partitions);
        partitions.forEach(LogPartition::close);
        return out;
    }

    @Test
    void partitionsRunAloneGiveWhatTheDirectReplayGives() {
        RecordedOutput out = runWhole(log(day), new RecordedOutput());
        assertThat(out.sortedRows()).isEqualTo(direct.sortedRows());
        assertThat(out.sortedMessages()).isEqualTo(direct.sortedMessages());
    }

    @Test
    void lateTradesMakeTheSameCorrections() {
        // every 97th trade arrives 90 s late, as in ShardsTest: late trades, corrections, retractions
        List<Trade> arrivals = new ArrayList<>();
        java.util.ArrayDeque<Trade> delayed = new java.util.ArrayDeque<>();
        long n = 0;
        for (Trade t : day) {
            if (++n % 97 == 0) delayed.add(t);
            else arrivals.add(t);
            while (!delayed.isEmpty() && delayed.peek().timeMillis() + 90_000 <= t.timeMillis())
                arrivals.add(delayed.poll());
        }
        arrivals.addAll(delayed);
        RecordedOutput single = new RecordedOutput();
        try (Shards pipeline = new Shards(1, Pipeline.Options.defaults(), single.emitter(4), bar -> {})) {
            arrivals.forEach(pipeline::onTrade);
            pipeline.flush();
        }
        RecordedOutput out = new RecordedOutput();
        EventEmitter root = out.emitter(4);
        List<LogPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) partitions.add(partition(p, root, List.of(), null));
        run(log(arrivals), partitions, new int[PARTITIONS], Integer.MAX_VALUE, new SplittableRandom(5));
        drain(partitions);
        partitions.forEach(LogPartition::close);
        assertThat(single.messages).as("the feed has corrections").anyMatch(m -> m.contains("\"revision\":1"));
        assertThat(out.sortedRows()).isEqualTo(single.sortedRows());
        assertThat(out.sortedMessages()).isEqualTo(single.sortedMessages());
    }

    @Test
    void aSuccessorResumesFromTheCommittedOffsetsWithNothingLostOrRepeated() {
        List<List<TradeRecords.Decoded>> log = log(day);
        RecordedOutput out = new RecordedOutput();
        EventEmitter root = out.emitter(4);
        List<Bar> stored = Collections.synchronizedList(new ArrayList<>());
        List<LogPartition> first = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) first.add(partition(p, root, List.of(), stored));
        int[] read = new int[PARTITIONS];
        long[] committed = new long[PARTITIONS];
        SplittableRandom random = new SplittableRandom(7);
        // the first engine reads about half of the day, checkpointing as it goes, then is killed
        int half = log.stream().mapToInt(List::size).sum() / 2;
        for (int done = 0; done < half; ) {
            done += run(log, first, read, 20_000, random);
            drain(first);
            for (LogPartition p : first) {
                long c = p.committable();
                if (c >= 0) committed[p.partition()] = c;
            }
        }
        drain(first); // rows up to here count as durable: the writer writes in order
        first.forEach(LogPartition::close);
        assertThat(java.util.Arrays.stream(committed).max().orElse(0))
                .as("offsets were committed")
                .isPositive();

        List<LogPartition> successor = new ArrayList<>();
        List<Bar> storedAtKill = List.copyOf(stored);
        for (int p = 0; p < PARTITIONS; p++) {
            int partition = p;
            List<Bar> mine = storedAtKill.stream()
                    .filter(b -> TradeRecords.partitionOf(b.symbol(), PARTITIONS) == partition)
                    .sorted(java.util.Comparator.comparing(Bar::symbol).thenComparingLong(Bar::startMillis))
                    .toList();
            successor.add(partition(p, root, mine, null));
            read[p] = (int) committed[p];
        }
        run(log, successor, read, Integer.MAX_VALUE, random);
        drain(successor);
        successor.forEach(LogPartition::close);

        // the re-warmed last bar writes its rows again (without a flow id; PostgreSQL keeps the row it has): compare as
        // sets, a map's entries in any order
        assertThat(rowSet(out.rows)).isEqualTo(rowSet(direct.rows));
        assertThat(out.sortedMessages()).as("every message once").isEqualTo(direct.sortedMessages());
    }

    private static TreeSet<String> rowSet(List<String> rows) {
        TreeSet<String> set = new TreeSet<>();
        synchronized (rows) {
            for (String r : rows) {
                java.util.regex.Matcher m = MAP.matcher(r);
                StringBuilder sb = new StringBuilder();
                while (m.find()) {
                    String[] entries = m.group(2).split(", ", -1);
                    java.util.Arrays.sort(entries);
                    m.appendReplacement(
                            sb,
                            java.util.regex.Matcher.quoteReplacement(
                                    m.group(1) + "={" + String.join(", ", entries) + "}"));
                }
                m.appendTail(sb);
                set.add(sb.toString().replace("flow_id=<id>, ", ""));
            }
        }
        return set;
    }

    private static final java.util.regex.Pattern MAP =
            java.util.regex.Pattern.compile("(parameters|metadata)=\\{([^{}]*)\\}");

    private static LogPartition partition(int p, EventEmitter root, List<Bar> warm, List<Bar> observed) {
        return new LogPartition(
                p,
                Pipeline.Options.defaults(),
                root,
                new StreamingSession(SESSION, 4, SessionTrigger.REPLAY, 0),
                observed == null ? bar -> {} : observed::add,
                warm);
    }

    /** Feeds about {@code budget} records from random partitions in random chunks; returns how many it fed. */
    private static int run(
            List<List<TradeRecords.Decoded>> log,
            List<LogPartition> partitions,
            int[] read,
            int budget,
            SplittableRandom random) {
        int fed = 0;
        while (fed < budget) {
            List<Integer> open = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) if (read[p] < log.get(p).size()) open.add(p);
            if (open.isEmpty()) break;
            int p = open.get(random.nextInt(open.size()));
            int n = Math.min(1 + random.nextInt(2_000), log.get(p).size() - read[p]);
            for (int i = 0; i < n; i++, read[p]++)
                partitions.get(p).add(read[p], log.get(p).get(read[p]));
            partitions.get(p).handOff();
            fed += n;
        }
        return fed;
    }

    private static void drain(List<LogPartition> partitions) {
        CountDownLatch done = new CountDownLatch(partitions.size());
        partitions.forEach(p -> p.drain(done));
        try {
            done.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        partitions.forEach(LogPartition::check);
    }

    /** The records ingest writes for {@code day}, per partition, decoded; a record's offset is its index. */
    static List<List<TradeRecords.Decoded>> log(List<Trade> day) {
        List<List<TradeRecords.Decoded>> log = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) log.add(new ArrayList<>());
        long lastMark = Long.MIN_VALUE, eventTime = Long.MIN_VALUE;
        for (Trade t : day) {
            int p = TradeRecords.partitionOf(t.symbol(), PARTITIONS);
            log.get(p).add(TradeRecords.decode(TradeRecords.key(t.symbol()), TradeRecords.trade(t)));
            eventTime = Math.max(eventTime, t.timeMillis()); // as ingest: the time the feed has reached
            if (lastMark == Long.MIN_VALUE || eventTime - lastMark >= 1_000) {
                lastMark = eventTime;
                for (List<TradeRecords.Decoded> partition : log)
                    partition.add(TradeRecords.decode(null, TradeRecords.watermark(lastMark)));
            }
        }
        for (List<TradeRecords.Decoded> partition : log)
            partition.add(TradeRecords.decode(null, TradeRecords.sessionEnd(SESSION)));
        return log;
    }
}
