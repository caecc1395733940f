package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tickstock.contract.RedisUrl;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.publish.UnreadChannels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The publisher skips a channel nobody subscribes to, counts what it skipped, and publishes to it again from the first
 * check after a subscriber appears (a real Redis; the check clock is a test clock, so nothing sleeps).
 */
@Tag("e2e")
class UnreadChannelsTest {
    static final String CHANNEL = "tickstock:patterns:streaming", OTHER = "tickstock:alerts:indicators";

    @Test
    void aSkippedChannelResumesWhenASubscriberAppears() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000);
        UnreadChannels unread = new UnreadChannels(clock::get);
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        try (EmbeddedRedis redis = new EmbeddedRedis(0);
                RedisPublisher publisher =
                        new RedisPublisher(redis.url(), 1_000, (down, why) -> {}, ms -> {}, unread).start()) {
            RedisClient client = RedisClient.create(RedisUrl.uri(redis.url()));
            StatefulRedisPubSubConnection<String, String> other = client.connectPubSub();
            other.addListener(listener(received));
            other.sync().subscribe(OTHER);

            send(publisher, CHANNEL, "m1");
            send(publisher, OTHER, "o1");
            assertThat(unread.skipped())
                    .as("asked before the first message: nobody reads it")
                    .containsEntry(CHANNEL, 1L);
            send(publisher, CHANNEL, "m2");
            assertThat(unread.skipped()).isEqualTo(Map.of(CHANNEL, 2L));

            StatefulRedisPubSubConnection<String, String> late = client.connectPubSub();
            late.addListener(listener(received));
            late.sync().subscribe(CHANNEL);
            send(publisher, CHANNEL, "m3");
            assertThat(unread.skipped())
                    .as("within the second: not asked again")
                    .containsEntry(CHANNEL, 3L);

            clock.addAndGet(UnreadChannels.CHECK_MILLIS);
            send(publisher, CHANNEL, "m4");
            send(publisher, CHANNEL, "m5");
            send(publisher, OTHER, "o2");
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 4);
            assertThat(received).containsExactlyInAnyOrder("o1", "m4", "m5", "o2");
            assertThat(publisher.skippedUnread()).isEqualTo(Map.of(CHANNEL, 3L));

            late.sync().unsubscribe(CHANNEL);
            clock.addAndGet(UnreadChannels.CHECK_MILLIS);
            send(publisher, CHANNEL, "m6");
            assertThat(unread.skipped()).containsEntry(CHANNEL, 4L);

            StatefulRedisPubSubConnection<String, String> pattern = client.connectPubSub();
            pattern.addListener(listener(received));
            pattern.sync().psubscribe("tickstock:*");
            clock.addAndGet(UnreadChannels.CHECK_MILLIS);
            send(publisher, CHANNEL, "m7");
            assertThat(unread.skipped())
                    .as("a pattern subscriber may read it: sent")
                    .containsEntry(CHANNEL, 4L);
            await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("m7"));
            List.of(other, late, pattern).forEach(StatefulRedisPubSubConnection::close);
            client.shutdown();
        }
    }

    /** Sends one message and waits until the publisher has handled it (sent or skipped). */
    private static void send(RedisPublisher publisher, String channel, String text) {
        long before = publisher.published();
        publisher.send(RedisCommand.publish(channel, text));
        await().atMost(Duration.ofSeconds(5)).until(() -> publisher.published() > before);
    }

    private static RedisPubSubAdapter<String, String> listener(ConcurrentLinkedQueue<String> received) {
        return new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                received.add(message);
            }

            @Override
            public void message(String pattern, String channel, String message) {
                received.add(message);
            }
        };
    }
}
