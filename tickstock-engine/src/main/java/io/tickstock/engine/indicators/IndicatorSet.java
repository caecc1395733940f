package io.tickstock.engine.indicators;

import io.tickstock.engine.bars.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * The indicators of one symbol. {@link #standard()} is CONTRACT.md's minimum set: RSI 14, SMA 20/50/200,
 * EMA 12/26, MACD 12/26/9, BBANDS 20/2. Not thread-safe.
 */
public final class IndicatorSet {
    private final List<Indicator> indicators;
    private final Rsi rsi;
    private final Macd macd;
    private final BollingerBands bbands;

    private IndicatorSet(List<Indicator> indicators) {
        this.indicators = List.copyOf(indicators);
        this.rsi = find(Rsi.class);
        this.macd = find(Macd.class);
        this.bbands = find(BollingerBands.class);
    }

    /** CONTRACT.md's minimum set, fresh state. */
    public static IndicatorSet standard() {
        List<Indicator> list = new ArrayList<>();
        list.add(new Rsi(14));
        list.add(new Sma(20));
        list.add(new Sma(50));
        list.add(new Sma(200));
        list.add(new Ema(12));
        list.add(new Ema(26));
        list.add(new Macd(12, 26, 9));
        list.add(new BollingerBands(20, 2));
        return new IndicatorSet(list);
    }

    /** Feeds a bar to every indicator; returns those with a value for it, in set order. */
    public List<Indicator> update(Bar bar) {
        List<Indicator> ready = new ArrayList<>(indicators.size());
        for (Indicator i : indicators) if (i.update(bar)) ready.add(i);
        return ready;
    }

    public Rsi rsi() { return rsi; }
    public Macd macd() { return macd; }
    public BollingerBands bbands() { return bbands; }

    private <T> T find(Class<T> type) {
        return indicators.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }
}
