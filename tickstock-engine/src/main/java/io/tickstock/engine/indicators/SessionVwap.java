package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.session.NyseCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Session volume-weighted average price, dollars: {@code Σ price × volume / Σ volume} over the bars of the
 * current New York trading day, reset at the first bar of each new day. The price of a bar is its
 * trade-weighted VWAP when it was built from trades, else (bars read from bar files, which carry no
 * trades) its typical price {@code (high + low + close) / 3}. Not a TA-Lib function. A bar without
 * volume leaves the value unchanged (the close until the first volume). Lookback 0.
 */
public final class SessionVwap extends IndicatorBase {
    private @Nullable LocalDate day;
    private double notional, volume, value = Double.NaN;

    /** Feeds one bar; returns the session VWAP. */
    @Override
    public boolean update(Bar bar) {
        LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(bar.startMillis()), NyseCalendar.NEW_YORK);
        if (!d.equals(day)) {
            day = d;
            notional = 0;
            volume = 0;
            value = bar.close();
        }
        double price = bar.tradeCount() > 0 ? bar.vwap() : (bar.high() + bar.low() + bar.close()) / 3;
        notional += price * bar.volume();
        volume += bar.volume();
        if (volume > 0) value = notional / volume;
        return true;
    }

    @Override
    public String name() {
        return "VWAP";
    }

    @Override
    public String key() {
        return "VWAP";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("anchor", "session");
    }

    @Override
    public int lookback() {
        return 0;
    }

    @Override
    public double value() {
        return value;
    }

    /** An independent copy of this state (for checkpoints). */
    @Override
    public SessionVwap copy() {
        return (SessionVwap) shallowCopy();
    }
}
