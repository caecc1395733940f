package io.tickstock.engine.publish;

/**
 * Where the {@link EventEmitter} hands Redis commands: the {@link RedisPublisher}, or a benchmark's counter
 * (the pipeline measured without I/O). Called on the shard thread; must not block.
 */
public interface CommandSink {
    /** Queues {@code command}; returns false when it could not be queued (counted by the sink). */
    boolean send(RedisCommand command);
}
