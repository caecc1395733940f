package io.tickstock.engine.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the trade log is and how to sign in to it: the bootstrap servers ({@code host:port[,host:port…]}) and the
 * client settings every TickStock Kafka client adds to its own — {@code security.protocol}, {@code sasl.mechanism},
 * {@code sasl.jaas.config}, {@code ssl.*}, as Kafka's own tools read them from a client properties file
 * ({@code TICKSTOCK_KAFKA_CONFIG}). {@link #toString} names the servers and the protocol, never a secret. Immutable.
 *
 * @param bootstrap the bootstrap servers
 * @param settings  client settings (none for a plaintext Kafka without authentication)
 */
public record KafkaConnection(String bootstrap, Map<String, String> settings) {
    public KafkaConnection {
        if (bootstrap.isBlank()) throw new IllegalArgumentException("no Kafka bootstrap servers given");
        settings = Map.copyOf(settings);
    }

    /** A Kafka without authentication (plaintext). */
    public static KafkaConnection plaintext(String bootstrap) {
        return new KafkaConnection(bootstrap, Map.of());
    }

    /**
     * {@code bootstrap} with the settings of a Kafka client properties file ({@code bootstrap.servers} in it is
     * ignored: the servers come from {@code bootstrap}).
     *
     * @throws IOException when the file cannot be read
     */
    public static KafkaConnection withConfigFile(String bootstrap, Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> settings = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k).strip()));
        settings.remove("bootstrap.servers");
        return new KafkaConnection(bootstrap, settings);
    }

    /** Settings for a producer, consumer or admin client: the connection's, then {@code own} (which win). */
    public Map<String, Object> clientConfig(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put("bootstrap.servers", bootstrap);
        all.putAll(own);
        return all;
    }

    @Override
    public String toString() {
        return bootstrap + " (" + settings.getOrDefault("security.protocol", "PLAINTEXT") + ")";
    }
}
