package io.tickstock.engine.kafka;

import io.tickstock.engine.trades.Trade;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Writes the trade log (the ingest side): each trade to {@link TradeRecords#TOPIC} keyed by its symbol, and watermark
 * records to every partition. Idempotent producer, {@code acks=all}, LZ4 batches lingering up to 5 ms; a send that
 * fails is kept and thrown by the next call. Creates the topic when it does not exist. Not thread-safe: the feed thread.
 */
public final class TradeLogWriter implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int partitions;
    private final AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
    private long trades, watermarks;

    /**
     * Connects, creating {@code topic} with {@code partitions} partitions (replication 1) when it is missing.
     *
     * @param kafka the trade log's servers and client settings
     * @throws IllegalStateException naming TICKSTOCK_KAFKA_BOOTSTRAP and TICKSTOCK_KAFKA_CONFIG when Kafka cannot be
     *                               reached or refuses the sign-in within 30 s
     */
    public TradeLogWriter(KafkaConnection kafka, String topic, int partitions) {
        this.topic = topic;
        this.partitions = createTopic(kafka, topic, partitions);
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "tickstock-ingest");
        producer = new KafkaProducer<>(kafka.clientConfig(p), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The topic's partition count (existing topics keep theirs). */
    public int partitions() {
        return partitions;
    }

    /**
     * Queues a trade.
     *
     * @throws IllegalStateException when an earlier send failed
     */
    public void write(Trade trade) {
        check();
        var unused = producer.send(
                new ProducerRecord<>(topic, TradeRecords.key(trade.symbol()), TradeRecords.trade(trade)),
                this::sent); // a failure is kept by the callback
        trades++;
    }

    /**
     * Queues a watermark (event time in epoch ms) on every partition.
     *
     * @throws IllegalStateException when an earlier send failed
     */
    public void watermark(long epochMillis) {
        check();
        toEveryPartition(TradeRecords.watermark(epochMillis));
        watermarks++;
    }

    /**
     * Queues a session record on every partition: the trades written after it belong to {@code sessionId} (ingest
     * writes it once the session's row is in PostgreSQL, before the session's first trade).
     *
     * @throws IllegalStateException when an earlier send failed
     */
    public void session(String sessionId) {
        check();
        toEveryPartition(TradeRecords.session(sessionId));
    }

    /**
     * Queues the end of {@code sessionId}'s feed on every partition: engines reading that session close every bar.
     *
     * @throws IllegalStateException when an earlier send failed
     */
    public void endSession(String sessionId) {
        check();
        toEveryPartition(TradeRecords.sessionEnd(sessionId));
    }

    private void toEveryPartition(byte[] value) {
        for (int p = 0; p < partitions; p++) {
            var unused = producer.send(new ProducerRecord<>(topic, p, null, value), this::sent);
        }
    }

    /** Trades queued so far. */
    public long trades() {
        return trades;
    }

    /** Watermarks queued so far (each on every partition). */
    public long watermarks() {
        return watermarks;
    }

    /**
     * Waits until everything queued is acknowledged.
     *
     * @throws IllegalStateException when a send failed
     */
    public void flush() {
        producer.flush();
        check();
    }

    private void sent(@Nullable Object metadata, @Nullable Exception e) {
        if (e != null) failure.compareAndSet(null, e);
    }

    private void check() {
        Exception e = failure.get();
        if (e != null) throw new IllegalStateException("Kafka refused a trade-log record: " + e.getMessage(), e);
    }

    private static int createTopic(KafkaConnection kafka, String topic, int partitions) {
        try (Admin admin =
                Admin.create(kafka.clientConfig(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw e;
            }
            return awaitLeaders(admin, topic);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot reach Kafka at " + kafka + " (" + e.getMessage()
                            + "): start it or set TICKSTOCK_KAFKA_BOOTSTRAP, and TICKSTOCK_KAFKA_CONFIG to its client "
                            + "settings when it asks for a sign-in",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        }
    }

    /**
     * Waits (up to 30 s) until every partition of {@code topic} has a leader that serves it: a produce request sent
     * before that is refused, and its retry can leave an idempotent producer out of sequence (the broker accepts the
     * later batches of the same flight, then refuses the first one's retry until the delivery timeout). The
     * controller names a leader a moment before the broker acts as one, so a partition counts as ready only once its
     * leader answers a {@code ListOffsets} for it. @return the partition count
     */
    private static int awaitLeaders(Admin admin, String topic)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            var described = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            if (described == null) throw new IllegalStateException("Kafka does not describe topic " + topic);
            boolean led = described.partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
            if (led && served(admin, topic, described.partitions().size()))
                return described.partitions().size();
            if (System.nanoTime() > deadline)
                throw new TimeoutException("partitions of " + topic + " have no leader after 30 s");
            Thread.sleep(100);
        }
    }

    /** Whether the leader of every partition answers a {@code ListOffsets} (false on a retriable refusal). */
    private static boolean served(Admin admin, String topic, int partitions)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int i = 0; i < partitions; i++) latest.put(new TopicPartition(topic, i), OffsetSpec.latest());
        try {
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) return false;
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
