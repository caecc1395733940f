package io.tickstock.engine;

import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.contract.Json;
import io.tickstock.engine.health.EngineMetrics;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.publish.RedisPublisher;
import io.tickstock.engine.store.HistoryBarrier;
import io.tickstock.engine.store.HistoryRow;
import io.tickstock.engine.store.HistoryWriter;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the engine's own messages go besides the analytics' (which the {@code EventEmitter} writes): session and
 * health events, critical alerts and keys to Redis through the publisher's outbox, rows to PostgreSQL through the
 * writer's. Never blocks; any thread.
 */
final class Outputs {
    private final RedisPublisher publisher;
    private final HistoryWriter writer;
    private final LongSupplier clock;

    /** @param clock wall clock, epoch ms */
    Outputs(RedisPublisher publisher, HistoryWriter writer, LongSupplier clock) {
        this.publisher = publisher;
        this.writer = writer;
        this.clock = clock;
    }

    /** Publishes {@code event} as JSON on {@code channel}. */
    void publish(String channel, Object event) {
        publisher.send(RedisCommand.publish(channel, Json.write(event)));
    }

    void send(RedisCommand command) {
        publisher.send(command);
    }

    void write(HistoryRow row) {
        writer.write(row);
    }

    /** {@link HistoryWriter#durableMark}. */
    long durableMark() {
        return writer.durableMark();
    }

    /** {@link HistoryWriter#isDurable}. */
    boolean isDurable(long mark) {
        return writer.isDurable(mark);
    }

    /** {@link HistoryWriter#backlogged}. */
    boolean writerBacklogged() {
        return writer.backlogged();
    }

    /** {@link HistoryBarrier#awaitRoom}: a replay's backpressure; false when {@code keepWaiting} ended it. */
    boolean awaitWriterRoom(BooleanSupplier keepWaiting) {
        return HistoryBarrier.awaitRoom(writer, keepWaiting);
    }

    /** {@link HistoryWriter#dropped}: rows lost (queue or spool full). */
    long rowsDropped() {
        return writer.dropped();
    }

    /**
     * A {@code critical_alert} of {@code component}: severity critical with {@code action} when {@code down}, else the
     * recovery (severity info, {@code recovery} = the message).
     */
    void critical(String component, boolean down, String message, @Nullable String action) {
        Events.CriticalAlert alert = down
                ? new Events.CriticalAlert("critical", message, now(), component, action, null)
                : new Events.CriticalAlert("info", message, now(), component, null, message);
        publish(Channels.ALERTS_CRITICAL, new Events.CriticalAlertEvent(now(), alert));
    }

    /** An informational {@code critical_alert} (severity {@code severity}) that is neither a failure nor a recovery. */
    void notice(String component, String severity, String message, @Nullable String action) {
        publish(
                Channels.ALERTS_CRITICAL,
                new Events.CriticalAlertEvent(
                        now(), new Events.CriticalAlert(severity, message, now(), component, action, null)));
    }

    /** The wall clock as the contract's ISO text. */
    String now() {
        return IsoTime.format(clock.getAsLong());
    }

    /** The outboxes' state as {@code /metrics} reads it at each scrape. */
    EngineMetrics.Outboxes outboxes() {
        return new EngineMetrics.Outboxes(
                publisher::pending,
                publisher::dropped,
                publisher::coalesced,
                () -> !publisher.isDown(),
                writer::pending,
                writer::spooled,
                writer::dropped,
                writer::rejected,
                () -> !writer.isDown());
    }
}
