package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.Channels;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.publish.UnreadChannels;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisSentinel;
import redis.embedded.core.RedisSentinelBuilder;

/**
 * Redis behind Sentinel: a {@code redis-sentinel://…#master} URL is accepted, and the engine's publisher and a
 * subscriber, each given only the sentinel's address, find the master through it and exchange messages (a real
 * Redis and a real Sentinel from the embedded-redis artifact).
 */
@Tag("e2e")
class RedisSentinelTest {
    @Test
    void publisherAndSubscriberFindTheMasterThroughTheSentinel() throws Exception {
        try (EmbeddedRedis master = new EmbeddedRedis(0)) {
            int sentinelPort = FreePort.find();
            RedisSentinelBuilder config = RedisSentinel.newRedisSentinel()
                    .bind("127.0.0.1")
                    .port(sentinelPort)
                    .masterPort(master.port())
                    .masterName("tickstock")
                    .quorumSize(1);
            config.addDefaultReplicationGroup(); // the monitor lines, before the master's password
            RedisSentinel sentinel = config.setting("sentinel auth-pass tickstock " + master.password())
                    .build();
            sentinel.start();
            try {
                String url = Infrastructure.checkRedisUrl(
                        "redis-sentinel://:" + master.password() + "@127.0.0.1:" + sentinelPort + "#tickstock");
                ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
                RedisClient client = RedisClient.create(RedisUrl.uri(url));
                StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                sub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        received.add(message);
                    }
                });
                sub.sync().subscribe(Channels.PATTERNS_STREAMING);
                try (RedisPublisher publisher = new RedisPublisher(
                                url, 1_000, (down, why) -> {}, ms -> {}, new UnreadChannels(System::currentTimeMillis))
                        .start()) {
                    publisher.send(RedisCommand.publish(Channels.PATTERNS_STREAMING, "through the sentinel"));
                    await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("through the sentinel"));
                }
                sub.close();
                client.shutdown();
            } finally {
                sentinel.stop();
            }
        }
        assertThatThrownBy(() -> Infrastructure.checkRedisUrl("redis-sentinel://127.0.0.1:26379"))
                .hasMessageContaining("TICKSTOCK_REDIS_URL")
                .hasMessageContaining("#master");
        assertThatThrownBy(() -> Infrastructure.checkRedisUrl("http://127.0.0.1:6379"))
                .hasMessageContaining("TICKSTOCK_REDIS_URL");
        assertThat(Infrastructure.checkRedisUrl("redis://127.0.0.1:6379")).isEqualTo("redis://127.0.0.1:6379");
    }
}
