package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tickstock.contract.RedisUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A password-protected Redis connection does not wait for the JVM's common pool: with every common-pool thread
 * held (as a long task there would hold it), a client built from {@link RedisUrl#uri} connects and answers. Built
 * from the bare URL string, Lettuce resolves the password on that pool and the connection waits until it is free.
 */
@Tag("e2e")
class RedisUrlTest {
    @Test
    void aPasswordConnectionDoesNotWaitForABusyCommonPool() throws Exception {
        try (EmbeddedRedis redis = new EmbeddedRedis(0)) {
            CountDownLatch hold = new CountDownLatch(1),
                    held = new CountDownLatch(ForkJoinPool.getCommonPoolParallelism());
            List<CompletableFuture<Void>> busy = new ArrayList<>();
            for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++)
                busy.add(CompletableFuture.runAsync(() -> {
                    held.countDown();
                    try {
                        hold.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            RedisClient client = RedisClient.create(RedisUrl.uri(redis.url()));
            try {
                CompletableFuture<String> ping = new CompletableFuture<>();
                Thread.ofPlatform().daemon().start(() -> {
                    try (StatefulRedisConnection<String, String> c = client.connect()) {
                        ping.complete(c.sync().ping());
                    } catch (RuntimeException e) {
                        ping.completeExceptionally(e);
                    }
                });
                assertThat(ping.get(20, TimeUnit.SECONDS))
                        .as("answered while the common pool is still held")
                        .isEqualTo("PONG");
                assertThat(hold.getCount()).isEqualTo(1);
            } finally {
                hold.countDown();
                busy.forEach(CompletableFuture::join);
                client.shutdown();
            }
        }
    }
}
