package io.tickstock.engine.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Json;
import io.tickstock.contract.LogText;
import io.tickstock.contract.RedisUrl;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator commands from {@link Channels#ENGINE_COMMANDS} ({@code session_command}, action {@code start}
 * or {@code stop}). Lettuce's listener only enqueues; the engine's shard thread {@link #poll}s. A message
 * that is not a session command is counted, logged with its reason and skipped. Lettuce resubscribes after
 * a reconnect.
 */
public final class SessionCommands implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCommands.class);

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> connection;
    private final Queue<String> actions = new ConcurrentLinkedQueue<>();
    private final AtomicLong malformed = new AtomicLong();

    /** @throws IllegalStateException naming TICKSTOCK_REDIS_URL when Redis cannot be reached */
    public SessionCommands(String redisUrl) {
        client = RedisClient.create(RedisUrl.uri(redisUrl));
        client.setOptions(ClientOptions.builder().autoReconnect(true).build());
        try {
            connection = client.connectPubSub();
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException(
                    "cannot reach Redis at " + LogText.url(redisUrl) + ": start it or set TICKSTOCK_REDIS_URL", e);
        }
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                accept(message);
            }
        });
        connection.sync().subscribe(Channels.ENGINE_COMMANDS);
    }

    private void accept(String message) {
        try {
            JsonNode n = Json.read(message);
            String action = n.path("action").asText("");
            if (!n.path("type").asText("").equals("session_command")
                    || !(action.equals("start") || action.equals("stop"))) {
                throw new IllegalArgumentException("expected {\"type\":\"session_command\",\"action\":\"start|stop\"}");
            }
            LOG.info(
                    "operator command: session {} (requested by {})",
                    action,
                    LogText.quote(n.path("requested_by").asText("unknown")));
            actions.add(action);
        } catch (
                IllegalArgumentException
                        e) { // the first is logged; all are counted (hostile publishers must not flood the log)
            if (malformed.getAndIncrement() == 0) {
                LOG.warn(
                        "skipped a message on {} (further ones are counted only): {}",
                        Channels.ENGINE_COMMANDS,
                        LogText.quote(e.getMessage()));
            }
        }
    }

    /** The oldest pending action ({@code start} or {@code stop}), or null. Any thread. */
    public String poll() {
        return actions.poll();
    }

    /** Messages on the commands channel that were not a valid command, skipped. */
    public long malformed() {
        return malformed.get();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
