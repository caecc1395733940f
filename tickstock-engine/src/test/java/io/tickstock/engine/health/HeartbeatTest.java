package io.tickstock.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.contract.RedisKeys;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.store.HistoryRow;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The heartbeat asserts progress: a stalled or failed feed deletes the liveness keys; idle and moving refresh them. */
class HeartbeatTest {
    final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    final List<RedisCommand> redis = new ArrayList<>();
    final List<HistoryRow> rows = new ArrayList<>();
    final EngineStats stats = new EngineStats();
    final Heartbeat heartbeat = new Heartbeat(1_000, clock::get, redis::add, rows::add, stats, () -> null, "engine-a");

    List<String> last() {
        List<String> out = redis.stream().map(c -> c.kind() + " " + c.target()).toList();
        redis.clear();
        return out;
    }

    @Test
    void anIdleOrMovingEngineIsAlive() {
        heartbeat.run();
        assertThat(last())
                .containsExactly(
                        "SET " + RedisKeys.PRODUCER_HEARTBEAT, "SET " + RedisKeys.producerHeartbeat("engine-a"));
        stats.progress.start(clock.get());
        for (int i = 0; i < 10; i++) {
            clock.addAndGet(1_000);
            stats.progress.beat(clock.get());
            heartbeat.run();
            assertThat(last()).allMatch(c -> c.startsWith("SET"));
        }
        assertThat(rows).hasSize(11);
    }

    @Test
    void aFeedSilentForMoreThanThreeSecondsDeletesTheKeysUntilItMovesAgain() {
        stats.progress.start(clock.get());
        clock.addAndGet(3_000);
        heartbeat.run();
        assertThat(last()).allMatch(c -> c.startsWith("SET"));
        clock.addAndGet(1_000);
        heartbeat.run();
        assertThat(last())
                .containsExactlyInAnyOrder(
                        "DEL " + RedisKeys.PRODUCER_HEARTBEAT,
                        "DEL " + RedisKeys.producerHeartbeat("engine-a"),
                        "DEL " + RedisKeys.CURRENT_SESSION);
        stats.progress.beat(clock.get());
        heartbeat.run();
        assertThat(last()).allMatch(c -> c.startsWith("SET"));
    }

    @Test
    void aFeedThatEndedFailedIsNotAliveUntilTheNextStarts() {
        stats.progress.start(clock.get());
        stats.progress.stop("shard-0 failed: StackOverflowError");
        heartbeat.run();
        assertThat(last()).allMatch(c -> c.startsWith("DEL"));
        assertThat(stats.progress.stalled(clock.get(), 1_000))
                .isEqualTo("the feed failed: shard-0 failed: StackOverflowError");
        stats.progress.start(clock.get());
        heartbeat.run();
        assertThat(last()).allMatch(c -> c.startsWith("SET"));
    }
}
