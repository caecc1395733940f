package io.tickstock.cli;

import io.tickstock.engine.kafka.KafkaConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node Apache Kafka (KRaft: one process is broker and controller) started in this JVM from the {@code
 * org.apache.kafka:kafka_2.13} artifact, on loopback, free ports, its log under {@code dataDir} (formatted on first
 * use, kept across starts). Every listener, the controller's too, asks for a SASL/PLAIN sign-in as user {@value #USER}
 * with a generated secret kept in {@code dataDir/secret} (mode 0600, the same across starts); {@link #clientConfig}
 * is a Kafka client properties file with those settings (0600) for {@code TICKSTOCK_KAFKA_CONFIG}. For the launcher's
 * default when {@code TICKSTOCK_KAFKA_BOOTSTRAP} is unset, and for tests.
 */
public final class EmbeddedKafka implements AutoCloseable {
    /** The one user the broker knows. */
    public static final String USER = "tickstock";

    private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final KafkaRaftServer server;
    private final int port;
    private final String secret;
    private final Path clientConfig;

    /**
     * Formats {@code dataDir} when new and starts the broker.
     *
     * @throws IOException when the directory cannot be written or formatted
     */
    public EmbeddedKafka(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        this.port = FreePort.find();
        this.secret = Secrets.readOrCreate(dataDir.resolve("secret"));
        int controller = FreePort.find();
        Path logs = dataDir.resolve("logs");
        String jaas = PLAIN + " required username=\"" + USER + "\" password=\"" + secret + "\" user_" + USER + "=\""
                + secret + "\";";
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
        p.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas);
        p.put("listener.name.controller.plain.sasl.jaas.config", jaas);
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
        Secrets.writePrivate(config, w -> p.store(w, "written by TickStock's embedded Kafka at each start"));
        this.clientConfig = dataDir.resolve("client.properties");
        Properties client = new Properties();
        client.putAll(connection().settings());
        Secrets.writePrivate(clientConfig, w -> client.store(w, "TICKSTOCK_KAFKA_CONFIG for " + bootstrap()));
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

    /**
     * The Kafka to use: {@code option} (--kafka), else TICKSTOCK_KAFKA_BOOTSTRAP, with the client settings of the file
     * {@code configOption} (--kafka-config) or TICKSTOCK_KAFKA_CONFIG names (none when neither is set); else, when {@code embed}, a broker started here under
     * ~/.tickstock/kafka (closed with {@code life}) and printed as {@code kafka: <host:port> (embedded, SASL/PLAIN;
     * client settings in ~/.tickstock/kafka/client.properties)}.
     *
     * @throws IllegalStateException naming TICKSTOCK_KAFKA_BOOTSTRAP when neither is set and {@code embed} is false
     * @throws IllegalStateException naming --kafka-config and TICKSTOCK_KAFKA_CONFIG when that file cannot be read
     * @throws IOException           when the embedded broker cannot start
     */
    static KafkaConnection resolve(@Nullable String option, @Nullable Path configOption, Lifecycle life, boolean embed)
            throws IOException {
        String bootstrap = option != null && !option.isBlank() ? option : System.getenv("TICKSTOCK_KAFKA_BOOTSTRAP");
        if (bootstrap != null && !bootstrap.isBlank()) {
            String env = System.getenv("TICKSTOCK_KAFKA_CONFIG");
            Path config = configOption != null ? configOption : env == null || env.isBlank() ? null : Path.of(env);
            if (config == null) return KafkaConnection.plaintext(bootstrap);
            try {
                return KafkaConnection.withConfigFile(bootstrap, config);
            } catch (IOException e) {
                throw new IllegalStateException(
                        "cannot read the Kafka client settings " + config
                                + " (--kafka-config or TICKSTOCK_KAFKA_CONFIG): " + e,
                        e);
            }
        }
        if (!embed)
            throw new IllegalStateException(
                    "no Kafka given: pass --kafka host:port or set TICKSTOCK_KAFKA_BOOTSTRAP, with TICKSTOCK_KAFKA_CONFIG "
                            + "naming its client settings (tickstock ingest prints the broker it starts as 'kafka: "
                            + "<host:port> (embedded, …; client settings in <file>)')");
        EmbeddedKafka embedded =
                life.add(new EmbeddedKafka(Path.of(System.getProperty("user.home"), ".tickstock", "kafka")));
        System.out.println("kafka: " + embedded.bootstrap() + " (embedded, SASL/PLAIN; client settings in "
                + embedded.clientConfig() + ")");
        return embedded.connection();
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** The broker with its sign-in settings (SASL/PLAIN over plaintext loopback). */
    public KafkaConnection connection() {
        return new KafkaConnection(
                bootstrap(),
                Map.of(
                        "security.protocol", "SASL_PLAINTEXT",
                        "sasl.mechanism", "PLAIN",
                        "sasl.jaas.config",
                                PLAIN + " required username=\"" + USER + "\" password=\"" + secret + "\";"));
    }

    /** The client properties file (0600) holding {@link #connection}'s settings, for TICKSTOCK_KAFKA_CONFIG. */
    public Path clientConfig() {
        return clientConfig;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
