package io.tickstock.engine.feed;

import io.tickstock.engine.trades.Trade;
import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** A time-ordered stream of trades. Not thread-safe: one reader thread. */
public interface TradeSource extends Closeable {
    /**
     * Reads the next trade.
     *
     * @return the next trade in time order, or null at the end
     * @throws IOException when the underlying file cannot be read
     */
    @Nullable
    Trade next() throws IOException;

    /** Malformed lines skipped so far (each was logged with its reason). */
    long malformed();
}
