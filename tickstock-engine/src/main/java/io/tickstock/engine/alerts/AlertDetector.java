package io.tickstock.engine.alerts;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.BollingerBands;
import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.indicators.Macd;
import io.tickstock.engine.indicators.Rsi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Detects the six alert types on one symbol's indicator values, on the transition bar only: the previous
 * bar was on the other side (or at) the threshold and this bar is strictly beyond it. The first bar with
 * a value never fires (no previous side). Severity rule: RSI beyond 80 or below 20 is critical, other RSI
 * crossings warning; band breaks warning; MACD crosses info. An optional per-symbol cooldown suppresses an
 * alert of the same type within {@code cooldownMillis} of the previous one (by bar time; default 0, off);
 * suppressed alerts are counted. Not thread-safe.
 */
public final class AlertDetector {
    private final long cooldownMillis;
    private final long[] lastFired = new long[AlertType.values().length];
    private long suppressed;
    private double prevRsi = Double.NaN, prevMacd = Double.NaN, prevSignal = Double.NaN;
    private double prevClose = Double.NaN, prevUpper = Double.NaN, prevLower = Double.NaN;

    /** @param cooldownMillis minimum bar-time gap between two alerts of one type (0: none) */
    public AlertDetector(long cooldownMillis) {
        this.cooldownMillis = cooldownMillis;
        Arrays.fill(lastFired, Long.MIN_VALUE / 2);
    }

    public AlertDetector() {
        this(0);
    }

    /** An independent copy (a checkpoint for bar corrections). */
    public AlertDetector copy() {
        AlertDetector c = new AlertDetector(cooldownMillis);
        System.arraycopy(lastFired, 0, c.lastFired, 0, lastFired.length);
        c.suppressed = suppressed;
        c.prevRsi = prevRsi;
        c.prevMacd = prevMacd;
        c.prevSignal = prevSignal;
        c.prevClose = prevClose;
        c.prevUpper = prevUpper;
        c.prevLower = prevLower;
        return c;
    }

    /** Alerts suppressed by the cooldown. */
    public long suppressed() {
        return suppressed;
    }

    /** Evaluates the bar just fed to {@code set}. */
    @SuppressWarnings("EnumOrdinal") // lastFired is indexed by alert type: one array, no boxing on the bar-close path
    public List<Alert> evaluate(IndicatorSet set, Bar bar) {
        List<Alert> alerts = evaluate(set, bar.close());
        if (cooldownMillis <= 0 || alerts.isEmpty()) return alerts;
        List<Alert> kept = new ArrayList<>(alerts.size());
        for (Alert a : alerts) {
            int t = a.type().ordinal();
            if (bar.startMillis() - lastFired[t] < cooldownMillis) {
                suppressed++;
                continue;
            }
            lastFired[t] = bar.startMillis();
            kept.add(a);
        }
        return kept;
    }

    private List<Alert> evaluate(IndicatorSet set, double close) {
        List<Alert> alerts = new ArrayList<>(0);
        Rsi rsiIndicator = set.rsi();
        double rsi = rsiIndicator == null ? Double.NaN : rsiIndicator.value();
        if (rsi > Rsi.OVERBOUGHT && prevRsi <= Rsi.OVERBOUGHT)
            alerts.add(new Alert(
                    AlertType.RSI_OVERBOUGHT, "RSI", rsi, Rsi.OVERBOUGHT, "above", rsi > 80 ? "critical" : "warning"));
        if (rsi < Rsi.OVERSOLD && prevRsi >= Rsi.OVERSOLD)
            alerts.add(new Alert(
                    AlertType.RSI_OVERSOLD, "RSI", rsi, Rsi.OVERSOLD, "below", rsi < 20 ? "critical" : "warning"));
        prevRsi = rsi;

        Macd macdIndicator = set.macd();
        double macd = macdIndicator == null ? Double.NaN : macdIndicator.value();
        double signal = macdIndicator == null ? Double.NaN : macdIndicator.signal();
        if (macd > signal && prevMacd <= prevSignal)
            alerts.add(new Alert(AlertType.MACD_BULLISH_CROSS, "MACD", macd, signal, "above", "info"));
        if (macd < signal && prevMacd >= prevSignal)
            alerts.add(new Alert(AlertType.MACD_BEARISH_CROSS, "MACD", macd, signal, "below", "info"));
        prevMacd = macd;
        prevSignal = signal;

        BollingerBands bands = set.bbands();
        double upper = bands == null ? Double.NaN : bands.upper();
        double lower = bands == null ? Double.NaN : bands.lower();
        if (close > upper && prevClose <= prevUpper)
            alerts.add(new Alert(AlertType.BB_UPPER_BREAK, "BBANDS", close, upper, "above", "warning"));
        if (close < lower && prevClose >= prevLower)
            alerts.add(new Alert(AlertType.BB_LOWER_BREAK, "BBANDS", close, lower, "below", "warning"));
        prevClose = close;
        prevUpper = upper;
        prevLower = lower;
        return alerts;
    }
}
