package io.tickstock.bench;

import io.tickstock.engine.publish.CommandSink;
import io.tickstock.engine.publish.RedisCommand;
import io.tickstock.engine.store.HistoryRow;
import io.tickstock.engine.store.RowSink;

/** Stands in for Redis and PostgreSQL: counts the commands (and their JSON bytes) and rows it is handed. Single-threaded. */
public final class CountingSinks implements CommandSink, RowSink {
    public long commands, bytes, rows;

    @Override
    public boolean send(RedisCommand command) {
        commands++;
        bytes += command.payload().length();
        return true;
    }

    @Override
    public boolean write(HistoryRow row) {
        rows++;
        return true;
    }
}
