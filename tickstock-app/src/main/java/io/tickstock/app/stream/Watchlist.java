package io.tickstock.app.stream;

import io.tickstock.app.subscriber.Inbound;
import io.tickstock.contract.Events;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The universe at a glance, per symbol: last price, change since the session's first bar, RSI, the latest pattern.
 * Built from every bar, indicator value and pattern the app receives (whatever the browsers subscribed to) and
 * cleared when a session starts; served by {@code GET /streaming/api/watchlist}. At most {@code maxSymbols} symbols
 * are kept: a bar of a further symbol is refused and counted ({@link #refusedSymbols}), so a flood of forged symbols
 * cannot fill the heap. Updated by the dispatcher thread, read by any thread.
 */
public final class Watchlist {
    /**
     * One symbol's row.
     *
     * @param last          the latest bar's close, dollars
     * @param sessionOpen   the open of the symbol's first bar in the session, dollars
     * @param changePercent (last − sessionOpen) / sessionOpen × 100
     * @param rsi           the latest RSI value (TA-Lib RSI, the first period seen), or null before its warm-up
     * @param pattern       the latest pattern's type, or null; {@code direction} and {@code patternAt} with it
     * @param barAt         the latest bar's start, ISO-8601 UTC
     */
    public record Row(
            String symbol,
            double last,
            double sessionOpen,
            double changePercent,
            @Nullable Double rsi,
            @Nullable String pattern,
            @Nullable String direction,
            @Nullable String patternAt,
            @Nullable String barAt) {}

    /** The default of {@code maxSymbols}: the engine's default too. */
    public static final int DEFAULT_MAX_SYMBOLS = 20_000;

    private final Map<String, Row> rows = new ConcurrentHashMap<>();
    private final int maxSymbols;
    private final LongAdder refused = new LongAdder();
    private volatile @Nullable String session;

    /** With {@value #DEFAULT_MAX_SYMBOLS} symbols at most. */
    public Watchlist() {
        this(DEFAULT_MAX_SYMBOLS);
    }

    /**
     * @param maxSymbols most symbols kept per session
     * @throws IllegalArgumentException when {@code maxSymbols} is below 1
     */
    public Watchlist(int maxSymbols) {
        if (maxSymbols < 1) throw new IllegalArgumentException("max symbols must be at least 1, was " + maxSymbols);
        this.maxSymbols = maxSymbols;
    }

    /** Symbols kept now. */
    public int size() {
        return rows.size();
    }

    /** Bars refused because their symbol would pass the most symbols kept; monotonic. */
    public long refusedSymbols() {
        return refused.sum();
    }

    /** Forgets every symbol (a new session). */
    public void clear() {
        rows.clear();
    }

    /** A closed bar (or its correction): last price, volume and the session's open. */
    public void bar(Events.Bar bar) {
        if (rows.size() >= maxSymbols && !rows.containsKey(bar.symbol())) {
            refused.increment();
            return;
        }
        rows.compute(bar.symbol(), (s, r) -> {
            double open = r == null || r.sessionOpen() <= 0 ? bar.open() : r.sessionOpen();
            boolean newer = r == null || r.barAt() == null || bar.timestamp().compareTo(r.barAt()) >= 0;
            double last = newer || r == null ? bar.close() : r.last();
            return new Row(
                    s,
                    last,
                    open,
                    open > 0 ? (last - open) / open * 100 : 0,
                    r == null ? null : r.rsi(),
                    r == null ? null : r.pattern(),
                    r == null ? null : r.direction(),
                    r == null ? null : r.patternAt(),
                    newer || r == null ? bar.timestamp() : r.barAt());
        });
    }

    /** An indicator value: RSI (period 14 when the value names its period) updates the row. */
    public void indicator(Events.IndicatorCalculation c) {
        Object period = c.metadata().get("period");
        if (!c.indicator().equals("RSI")
                || (period != null && !String.valueOf(period).equals("14"))) return;
        rows.computeIfPresent(
                c.symbol(),
                (s, r) -> new Row(
                        s,
                        r.last(),
                        r.sessionOpen(),
                        r.changePercent(),
                        c.value(),
                        r.pattern(),
                        r.direction(),
                        r.patternAt(),
                        r.barAt()));
    }

    /** A detection: the latest (by bar time) becomes the row's pattern. */
    public void pattern(Events.PatternDetection d) {
        rows.computeIfPresent(
                d.symbol(),
                (s, r) -> r.patternAt() != null && d.timestamp().compareTo(r.patternAt()) < 0
                        ? r
                        : new Row(
                                s,
                                r.last(),
                                r.sessionOpen(),
                                r.changePercent(),
                                r.rsi(),
                                d.patternType(),
                                d.direction(),
                                d.timestamp(),
                                r.barAt()));
    }

    /** Takes one received event (dispatcher thread): bars, RSI values, patterns; a session start clears. */
    public void accept(Inbound e) {
        switch (e.event()) {
            case Inbound.SessionStarted s -> {
                if (!s.session().sessionId().equals(session)) clear(); // a new session, not the running one again
                session = s.session().sessionId();
            }
            case Inbound.Bar b -> bar(b.bar());
            case Inbound.Indicator i -> indicator(i.calculation());
            case Inbound.Pattern p -> {
                if (!p.retracted()) pattern(p.detection());
            }
            default -> {}
        }
    }

    /** Every symbol's row, by symbol. */
    public List<Row> rows() {
        List<Row> out = new ArrayList<>(rows.values());
        out.sort(Comparator.comparing(Row::symbol));
        return out;
    }
}
