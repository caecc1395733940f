package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.kafka.KafkaConnection;
import io.tickstock.engine.kafka.TradeLogWriter;
import io.tickstock.engine.kafka.TradeRecords;
import io.tickstock.engine.trades.Trade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickstock ingest} into a real Kafka (the embedded KRaft broker): the whole 2013-10-08 replay lands on the
 * trade log, every trade once, each symbol on one partition in the feed's order, with watermarks on every partition
 * that never go backwards and never run ahead of a trade written after them, and the end-of-feed watermark last; and
 * the broker lets in only clients signed in with its secret.
 */
@Tag("e2e")
class IngestTest {
    @TempDir
    Path dir;

    /**
     * The embedded broker signs in every client (SASL/PLAIN) with the secret it keeps in a 0600 file: a client without
     * it gets no answer, a wrong secret is refused, its client properties file lets one in.
     */
    @Test
    void theEmbeddedKafkaLetsInOnlyClientsWithItsSecret() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"))) {
            Map<String, Object> quick = Map.of("default.api.timeout.ms", 3_000, "request.timeout.ms", 2_000);
            try (Admin admin =
                    Admin.create(KafkaConnection.plaintext(kafka.bootstrap()).clientConfig(quick))) {
                assertThatThrownBy(() -> admin.listTopics().names().get())
                        .as("no sign-in: no answer")
                        .isInstanceOf(ExecutionException.class);
            }
            KafkaConnection wrong = new KafkaConnection(
                    kafka.bootstrap(),
                    Map.of(
                            "security.protocol", "SASL_PLAINTEXT",
                            "sasl.mechanism", "PLAIN",
                            "sasl.jaas.config",
                                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                                            + "username=\"tickstock\" password=\"guess\";"));
            try (Admin admin = Admin.create(wrong.clientConfig(quick))) {
                assertThatThrownBy(() -> admin.listTopics().names().get())
                        .hasRootCauseInstanceOf(SaslAuthenticationException.class);
            }
            KafkaConnection own = KafkaConnection.withConfigFile(kafka.bootstrap(), kafka.clientConfig());
            try (Admin admin = Admin.create(own.clientConfig(quick))) {
                assertThat(admin.listTopics().names().get()).isNotNull();
            }
            for (Path secret :
                    List.of(kafka.clientConfig(), dir.resolve("kafka/secret"), dir.resolve("kafka/server.properties")))
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                        .as(secret.toString())
                        .isEqualTo("rw-------");
        }
    }

    @Test
    void theDaysTradesLandOnTheLogKeyedBySymbolWithWatermarksOnEveryPartition() throws Exception {
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"))) {
            int code = TickStockCli.commandLine()
                    .execute(
                            "ingest",
                            "--no-session",
                            "--kafka",
                            kafka.bootstrap(),
                            "--kafka-config",
                            kafka.clientConfig().toString(),
                            "--speed",
                            "max",
                            "--data",
                            System.getProperty("tickstock.data.dir"));
            assertThat(code).isZero();

            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> log = readAll(kafka.connection());
            assertThat(log).hasSize(TradeRecords.DEFAULT_PARTITIONS);
            Map<String, List<Trade>> bySymbol = new HashMap<>();
            Map<String, Integer> partitionOf = new HashMap<>();
            for (var partition : log.entrySet()) {
                long watermark = Long.MIN_VALUE;
                int marks = 0;
                for (ConsumerRecord<byte[], byte[]> r : partition.getValue()) {
                    TradeRecords.Decoded d = TradeRecords.decode(r.key(), r.value());
                    Trade t = d.trade();
                    if (t == null) {
                        assertThat(d.watermarkMillis())
                                .as("watermarks never go back")
                                .isGreaterThanOrEqualTo(watermark);
                        watermark = d.watermarkMillis();
                        marks++;
                        continue;
                    }
                    assertThat(t.timeMillis())
                            .as("a trade is not behind its partition's watermark")
                            .isGreaterThanOrEqualTo(watermark);
                    bySymbol.computeIfAbsent(t.symbol(), s -> new ArrayList<>()).add(t);
                    assertThat(partitionOf.putIfAbsent(t.symbol(), partition.getKey()))
                            .as(t.symbol() + " on one partition")
                            .isIn(null, partition.getKey());
                }
                assertThat(marks).as("partition " + partition.getKey()).isGreaterThan(100);
                assertThat(watermark).as("the end of the feed").isEqualTo(Long.MAX_VALUE);
            }
            assertThat(bySymbol).isEqualTo(expected());
        }
    }

    @Test
    void aLiveMassiveStreamLandsOnTheLogWithWatermarksEverySecond() throws Exception {
        Path spy = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick/spy/20131008_trade.zip");
        long from = LocalDate.of(2013, 10, 8)
                .atTime(9, 30)
                .atZone(io.tickstock.engine.session.NyseCalendar.NEW_YORK)
                .toInstant()
                .toEpochMilli();
        try (EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"));
                io.tickstock.testkit.FakeMassiveServer server = new io.tickstock.testkit.FakeMassiveServer(
                        0, "k", () -> TradeFiles.open(List.of(spy), from), 600);
                TradeLogWriter log = new TradeLogWriter(kafka.connection(), TradeRecords.TOPIC, 4)) {
            long started = System.nanoTime();
            long n = io.tickstock.engine.kafka.Ingest.live(
                    new MassiveSubscription(java.net.URI.create(server.url()), "k", List.of("T.SPY"), 10_000),
                    log,
                    () -> System.nanoTime() - started > 4_000_000_000L);
            assertThat(n).isPositive();
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> read = readAll(kafka.connection());
            assertThat(read).hasSize(4);
            long trades = 0;
            for (List<ConsumerRecord<byte[], byte[]>> partition : read.values()) {
                long marks = partition.stream()
                        .filter(r -> TradeRecords.decode(r.key(), r.value()).trade() == null)
                        .count();
                assertThat(marks)
                        .as("a watermark each second on every partition")
                        .isBetween(2L, 6L);
                for (ConsumerRecord<byte[], byte[]> r : partition) {
                    Trade t = TradeRecords.decode(r.key(), r.value()).trade();
                    if (t == null) continue;
                    assertThat(t.symbol()).isEqualTo("SPY");
                    trades++;
                }
            }
            assertThat(trades).isEqualTo(n);
        }
    }

    /** The day's trades from 09:25 New York time as the engine's replay reads them, per symbol in order. */
    private static Map<String, List<Trade>> expected() throws Exception {
        Path ticks = Path.of(System.getProperty("tickstock.data.dir"), "lean/equity/usa/tick");
        List<LeanTickFile> files = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ticks)) {
            for (Path d : dirs.sorted().toList()) {
                Path f = d.resolve("20131008_trade.zip");
                if (Files.exists(f)) files.add(new LeanTickFile(f));
            }
        }
        long from = LocalDate.of(2013, 10, 8)
                .atTime(9, 25)
                .atZone(io.tickstock.engine.session.NyseCalendar.NEW_YORK)
                .toInstant()
                .toEpochMilli();
        Map<String, List<Trade>> out = new HashMap<>();
        try (MergedTradeSource source = new MergedTradeSource(files, from)) {
            for (Trade t; (t = source.next()) != null; )
                out.computeIfAbsent(t.symbol(), s -> new ArrayList<>()).add(t);
        }
        return out;
    }

    private static Map<Integer, List<ConsumerRecord<byte[], byte[]>>> readAll(KafkaConnection kafka) {
        Map<String, Object> p = kafka.clientConfig(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000));
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> out = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(TradeRecords.TOPIC).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum(), read = 0;
            while (read < total) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofSeconds(1))) {
                    out.computeIfAbsent(r.partition(), k -> new ArrayList<>()).add(r);
                    read++;
                }
            }
        }
        return out;
    }
}
