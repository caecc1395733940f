package io.tickstock.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka (KRaft: one process is broker and controller) started in this JVM from the {@code
 * org.apache.kafka:kafka_2.13} artifact, on loopback, free ports, its log under {@code dataDir} (formatted on first
 * use, kept across starts). For the launcher's default when {@code TICKSTOCK_KAFKA_BOOTSTRAP} is unset, and for tests.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaRaftServer server;
    private final int port;

    /**
     * Formats {@code dataDir} when new and starts the broker.
     *
     * @throws IOException when the directory cannot be written or formatted
     */
    public EmbeddedKafka(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        this.port = FreePort.find();
        int controller = FreePort.find();
        Path logs = dataDir.resolve("logs");
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("num.partitions", "12");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "12");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.hours", "72");
        Path config = dataDir.resolve("server.properties");
        try (Writer w = Files.newBufferedWriter(config)) {
            p.store(w, "written by TickStock's embedded Kafka at each start");
        }
        if (!Files.exists(logs.resolve("meta.properties"))) format(config);
        server = new KafkaRaftServer(new KafkaConfig(p), Time.SYSTEM);
        server.startup();
    }

    /** {@code kafka-storage format} with a new cluster id. */
    private static void format(Path config) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            exit = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()}, print);
        }
        if (exit != 0) throw new IOException("formatting Kafka's log failed: " + out.toString(StandardCharsets.UTF_8));
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    /**
     * The Kafka to use: {@code option} (--kafka), else TICKSTOCK_KAFKA_BOOTSTRAP, else, when {@code embed}, a broker
     * started here under ~/.tickstock/kafka (closed with {@code life}) and printed as {@code kafka: <host:port>
     * (embedded)}.
     *
     * @throws IllegalStateException naming TICKSTOCK_KAFKA_BOOTSTRAP when neither is set and {@code embed} is false
     */
    static String resolve(@org.jspecify.annotations.Nullable String option, Lifecycle life, boolean embed)
            throws IOException {
        if (option != null && !option.isBlank()) return option;
        String env = System.getenv("TICKSTOCK_KAFKA_BOOTSTRAP");
        if (env != null && !env.isBlank()) return env;
        if (!embed)
            throw new IllegalStateException(
                    "no Kafka given: pass --kafka host:port or set TICKSTOCK_KAFKA_BOOTSTRAP (tickstock ingest prints "
                            + "the address of the broker it starts as 'kafka: <host:port> (embedded)')");
        EmbeddedKafka embedded =
                life.add(new EmbeddedKafka(Path.of(System.getProperty("user.home"), ".tickstock", "kafka")));
        System.out.println("kafka: " + embedded.bootstrap() + " (embedded)");
        return embedded.bootstrap();
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
