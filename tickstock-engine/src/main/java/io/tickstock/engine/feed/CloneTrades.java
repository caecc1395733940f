package io.tickstock.engine.feed;

import io.tickstock.engine.trades.Trade;
import java.io.IOException;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * Real trades under {@code clones} renamed copies for scale tests on real microstructure: each trade of the
 * underlying source comes out {@code clones} times, as {@code SYMBOL.1} … {@code SYMBOL.K} (same time, size
 * and eligibility), copy {@code k} with its prices scaled by {@code 1 + 0.0007·k} and rounded to cents, so the
 * copies' bars and patterns differ slightly. Deterministic. Not thread-safe.
 */
public final class CloneTrades implements TradeSource {
    private final TradeSource source;
    private final int clones;
    private final ArrayDeque<Trade> pending = new ArrayDeque<>();

    /** @throws IllegalArgumentException unless 1 &le; clones &le; 9999 */
    public CloneTrades(TradeSource source, int clones) {
        if (clones < 1 || clones > 9_999) throw new IllegalArgumentException("--clones must be 1-9999, was " + clones);
        this.source = source;
        this.clones = clones;
    }

    @Override
    public @Nullable Trade next() throws IOException {
        if (pending.isEmpty()) {
            Trade t = source.next();
            if (t == null) return null;
            for (int k = 1; k <= clones; k++) {
                double price = Math.round(t.price() * (1 + 0.0007 * k) * 100) / 100.0;
                pending.add(new Trade(t.symbol() + "." + k, t.timeMillis(), price, t.size(), t.updates()));
            }
        }
        return pending.poll();
    }

    @Override
    public long malformed() {
        return source.malformed();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
