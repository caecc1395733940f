package io.tickstock.engine.backtest;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.patterns.CandlePatterns;
import io.tickstock.engine.patterns.Detection;
import io.tickstock.engine.patterns.PatternScanner;
import io.tickstock.engine.patterns.PricePatterns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The detections of one symbol's bars, bar by bar, from the live engine's own detectors ({@link PatternScanner} over
 * {@link CandlePatterns#taLib()}, then {@link PricePatterns}) with their live warm-up: a pattern yields nothing before
 * its lookback, the price patterns nothing before {@value PricePatterns#WINDOW} bars. Pure.
 */
public final class SignalScanner {
    private SignalScanner() {}

    /** Element {@code i} holds the detections completed by {@code bars.get(i)}, in the live engine's order. */
    public static List<List<Detection>> scan(List<Bar> bars) {
        return scan(bars, () -> false);
    }

    /** How often {@link #scan(List, BooleanSupplier)} asks whether to stop, in bars. */
    static final int CANCEL_EVERY = 10_000;

    /**
     * {@link #scan(List)}, asking {@code cancelled} every {@value #CANCEL_EVERY} bars.
     *
     * @throws CancellationException when {@code cancelled} answers true
     */
    public static List<List<Detection>> scan(List<Bar> bars, BooleanSupplier cancelled) {
        PatternScanner candles = new PatternScanner(CandlePatterns.taLib());
        PricePatterns prices = new PricePatterns();
        List<List<Detection>> out = new ArrayList<>(bars.size());
        for (Bar bar : bars) {
            if (out.size() % CANCEL_EVERY == 0 && cancelled.getAsBoolean())
                throw new CancellationException("cancelled");
            List<Detection> found = new ArrayList<>(2);
            candles.scan(bar, found::add);
            prices.scan(bar, found::add);
            out.add(found);
        }
        return out;
    }
}
