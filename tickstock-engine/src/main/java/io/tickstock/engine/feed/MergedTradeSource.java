package io.tickstock.engine.feed;

import io.tickstock.engine.trades.Trade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Merges several time-ordered sources into one, by trade time; ties go to the source listed first, so
 * the same inputs always give the same sequence. Trades before {@code fromMillis} are skipped. Not thread-safe.
 */
public final class MergedTradeSource implements TradeSource {
    private record Head(Trade trade, int order, TradeSource source) {}

    private final PriorityQueue<Head> heads = new PriorityQueue<>(
            Comparator.comparingLong((Head h) -> h.trade.timeMillis()).thenComparingInt(h -> h.order));
    private final List<TradeSource> sources;
    private final long fromMillis;

    /** @throws IOException when a source cannot deliver its first trade */
    public MergedTradeSource(List<? extends TradeSource> sources, long fromMillis) throws IOException {
        this.sources = new ArrayList<>(sources);
        this.fromMillis = fromMillis;
        for (int i = 0; i < this.sources.size(); i++) advance(this.sources.get(i), i);
    }

    private void advance(TradeSource source, int order) throws IOException {
        Trade t;
        do {
            t = source.next();
        } while (t != null && t.timeMillis() < fromMillis);
        if (t != null) heads.add(new Head(t, order, source));
    }

    @Override
    public @Nullable Trade next() throws IOException {
        Head head = heads.poll();
        if (head == null) return null;
        advance(head.source, head.order);
        return head.trade;
    }

    @Override
    public long malformed() {
        return sources.stream().mapToLong(TradeSource::malformed).sum();
    }

    @Override
    public void close() throws IOException {
        for (TradeSource s : sources) s.close();
    }
}
