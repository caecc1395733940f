package io.tickstock.engine.health;

import io.tickstock.engine.bars.MarketSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tracks each symbol's newest bar and lists the symbols without one for {@code staleMillis} of event
 * time while the market is in regular hours. Thread-safe: the shard threads report bars, the feed thread asks.
 */
public final class StaleSymbols {
    private final long staleMillis;
    private final Map<String, Long> lastBar = new ConcurrentHashMap<>();

    public StaleSymbols(long staleMillis) {
        this.staleMillis = staleMillis;
    }

    public void onBar(String symbol, long startMillis) {
        lastBar.put(symbol, startMillis);
    }

    /** Symbols stale at event time {@code watermarkMillis}, sorted; empty outside regular hours. */
    public List<String> at(long watermarkMillis) {
        List<String> stale = new ArrayList<>();
        if (MarketSession.of(watermarkMillis) != MarketSession.REGULAR) return stale;
        lastBar.forEach((s, t) -> {
            if (watermarkMillis - t > staleMillis) stale.add(s);
        });
        stale.sort(null);
        return stale;
    }

    public int symbols() {
        return lastBar.size();
    }
}
