package io.tickstock.engine.store;

/**
 * Where the {@link io.tickstock.engine.publish.EventEmitter} hands history rows: the {@link HistoryWriter}, or a
 * benchmark's counter. Called on the shard thread; must not block.
 */
public interface RowSink {
    /** Queues {@code row}; returns false when it could not be queued (counted by the sink). */
    boolean write(HistoryRow row);
}
