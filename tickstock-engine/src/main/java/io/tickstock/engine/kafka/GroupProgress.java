package io.tickstock.engine.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the engines' consumer group has committed the trade log: ingest waits, before it ends a session, until the
 * group's committed offset of every partition reaches the partition's end (every record read, its rows durable).
 */
public final class GroupProgress implements AutoCloseable {
    private final Admin admin;
    private final String topic, group;

    /** @param kafka the trade log's servers and client settings */
    public GroupProgress(KafkaConnection kafka, String topic, String group) {
        this.admin = Admin.create(kafka.clientConfig(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)));
        this.topic = topic;
        this.group = group;
    }

    /**
     * Partitions whose committed offset is still before their end offset, and by how many records in all.
     *
     * @return {partitions behind, records behind}
     * @throws IllegalStateException when Kafka does not answer within 30 s
     */
    public long[] behind() {
        try {
            var description = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(topic);
            if (description == null) throw new IllegalStateException("topic " + topic + " does not exist");
            int partitions = description.partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            long parts = 0, records = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                long gap = e.getValue().offset() - (c == null ? 0 : c.offset());
                if (gap > 0) {
                    parts++;
                    records += gap;
                }
            }
            return new long[] {parts, records};
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the progress of group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the progress of group " + group, e);
        }
    }

    /**
     * Waits until the group has committed the end of every partition, reporting what is left every 10 s to {@code
     * progress}; polls twice a second.
     *
     * @return true when it has, false when {@code stop} said so first
     */
    public boolean awaitConsumed(BooleanSupplier stop, Consumer<String> progress) throws InterruptedException {
        long nextReport = System.nanoTime() + 10_000_000_000L;
        while (!stop.getAsBoolean()) {
            long[] left = behind();
            if (left[0] == 0) return true;
            if (System.nanoTime() >= nextReport) {
                nextReport = System.nanoTime() + 10_000_000_000L;
                progress.accept("waiting for the engines (group " + group + ") to read to the end: " + left[0]
                        + " partitions, " + left[1] + " records to go");
            }
            Thread.sleep(500);
        }
        return false;
    }

    @Override
    public void close() {
        admin.close();
    }
}
