package io.tickstock.engine.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which indicators to compute, parsed from {@code NAME[:param[:param…]]} items separated by commas, e.g.
 * {@code RSI:14,SMA:20,EMA:14,MACD:12:26:9,BBANDS:20:2,ATR:14}. Names as TA-Lib spells them (case-insensitive):
 * RSI, SMA, EMA, MACD (fast, slow, signal), BBANDS (period, deviations), ATR, NATR, STOCH (fastK, slowK,
 * slowD), STOCHRSI (period, fastK, fastD), ADX, PLUS_DI, MINUS_DI, CCI, MFI, OBV, WILLR, ROC, and VWAP (the
 * session VWAP). Omitted parameters take TA-Lib's defaults. Immutable; {@link #newSet()} builds fresh
 * per-symbol state.
 */
public final class IndicatorSpec {
    /** the integration contract's minimum set: RSI 14, SMA 20/50/200, EMA 12/26, MACD 12/26/9, BBANDS 20/2. */
    public static final IndicatorSpec STANDARD =
            parse("RSI:14,SMA:20,SMA:50,SMA:200,EMA:12,EMA:26,MACD:12:26:9,BBANDS:20:2");
    /** Every indicator TickStock computes, with TA-Lib's default parameters (VWAP per session). */
    public static final IndicatorSpec ALL = parse(
            "RSI:14,SMA:20,SMA:50,SMA:200,EMA:12,EMA:26,MACD:12:26:9,BBANDS:20:2,"
                    + "ATR:14,NATR:14,STOCH:5:3:3,STOCHRSI:14:5:3,ADX:14,PLUS_DI:14,MINUS_DI:14,CCI:14,MFI:14,OBV,WILLR:14,ROC:10,VWAP");

    private final String text;
    private final List<Supplier<Indicator>> factories;
    private final List<IndicatorSeries> series; // per item, shared by every symbol's instance

    private IndicatorSpec(String text, List<Supplier<Indicator>> factories, List<IndicatorSeries> series) {
        this.text = text;
        this.factories = List.copyOf(factories);
        this.series = List.copyOf(series);
    }

    /**
     * Parses a list such as {@code RSI:14,SMA:20,MACD:12:26:9} (TA-Lib names, parameters after colons).
     *
     * @throws IllegalArgumentException naming the offending item: unknown name, non-integer or out-of-range
     *                                  parameter, or too many parameters
     */
    public static IndicatorSpec parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("indicator list is empty");
        List<Supplier<Indicator>> factories = new ArrayList<>();
        List<IndicatorSeries> series = new ArrayList<>();
        for (String item : spec.split(",", -1)) {
            if (item.isBlank()) continue; // "RSI:14,,SMA:20" and a trailing comma name nothing
            String[] parts = item.trim().split(":");
            String name = parts[0].trim().toUpperCase(Locale.ROOT);
            try {
                factories.add(factory(name, parts));
                series.add(IndicatorSeries.of(factories.getLast().get())); // validates the parameters now
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("indicator '" + item.trim() + "': " + e.getMessage(), e);
            }
        }
        return new IndicatorSpec(spec, factories, series);
    }

    // spotless:off (a table: one line per TA-Lib name with its parameters and defaults)
    private static Supplier<Indicator> factory(String name, String[] parts) {
        return switch (name) {
            case "RSI" -> { int p = p(parts, 1, 14, 1); yield () -> new Rsi(p); }
            case "SMA" -> { int p = p(parts, 1, 30, 1); yield () -> new Sma(p); }
            case "EMA" -> { int p = p(parts, 1, 30, 1); yield () -> new Ema(p); }
            case "MACD" -> { int f = p(parts, 1, 12, 3), s = p(parts, 2, 26, 3), g = p(parts, 3, 9, 3); yield () -> new Macd(f, s, g); }
            case "BBANDS", "BB" -> { int p = p(parts, 1, 5, 2); double d = d(parts, 2, 2.0); yield () -> new BollingerBands(p, d); }
            case "ATR" -> { int p = p(parts, 1, 14, 1); yield () -> new Atr(p); }
            case "NATR" -> { int p = p(parts, 1, 14, 1); yield () -> new Natr(p); }
            case "STOCH" -> { int k = p(parts, 1, 5, 3), s = p(parts, 2, 3, 3), d = p(parts, 3, 3, 3); yield () -> new Stoch(k, s, d); }
            case "STOCHRSI" -> { int p = p(parts, 1, 14, 3), k = p(parts, 2, 5, 3), d = p(parts, 3, 3, 3); yield () -> new StochRsi(p, k, d); }
            case "ADX" -> { int p = p(parts, 1, 14, 1); yield () -> new Adx(p); }
            case "PLUS_DI" -> { int p = p(parts, 1, 14, 1); yield () -> new PlusDi(p); }
            case "MINUS_DI" -> { int p = p(parts, 1, 14, 1); yield () -> new MinusDi(p); }
            case "CCI" -> { int p = p(parts, 1, 14, 1); yield () -> new Cci(p); }
            case "MFI" -> { int p = p(parts, 1, 14, 1); yield () -> new Mfi(p); }
            case "OBV" -> { p(parts, 1, 0, 0); yield Obv::new; }
            case "WILLR" -> { int p = p(parts, 1, 14, 1); yield () -> new WillR(p); }
            case "ROC" -> { int p = p(parts, 1, 10, 1); yield () -> new Roc(p); }
            case "VWAP" -> { p(parts, 1, 0, 0); yield SessionVwap::new; }
            default -> throw new IllegalArgumentException("unknown indicator '" + name + "' (known: RSI, SMA, EMA, MACD, "
                    + "BBANDS, ATR, NATR, STOCH, STOCHRSI, ADX, PLUS_DI, MINUS_DI, CCI, MFI, OBV, WILLR, ROC, VWAP)");
        };
    }
    // spotless:on

    /** Integer parameter {@code index} (1-based in parts), default when absent; checks the parameter count. */
    private static int p(String[] parts, int index, int defaultValue, int maxParameters) {
        if (parts.length - 1 > maxParameters) {
            throw new IllegalArgumentException(
                    "takes at most " + maxParameters + " parameter(s), got " + (parts.length - 1));
        }
        if (index >= parts.length) return defaultValue;
        try {
            int v = Integer.parseInt(parts[index].trim());
            if (v < 1 || v > 100_000)
                throw new IllegalArgumentException("parameter " + index + " must be 1–100000, was " + v);
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter " + index + " must be an integer, was '" + parts[index].trim() + "'");
        }
    }

    private static double d(String[] parts, int index, double defaultValue) {
        if (index >= parts.length) return defaultValue;
        try {
            double v = Double.parseDouble(parts[index].trim());
            if (!(v > 0 && v < 100))
                throw new IllegalArgumentException("parameter " + index + " must be in (0, 100), was " + v);
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "parameter " + index + " must be a number, was '" + parts[index].trim() + "'");
        }
    }

    /** Fresh indicators for one symbol, in spec order. */
    public IndicatorSet newSet() {
        List<Indicator> list = new ArrayList<>(factories.size());
        for (int k = 0; k < factories.size(); k++) {
            Indicator i = factories.get(k).get();
            if (i instanceof IndicatorBase b) b.series(series.get(k));
            list.add(i);
        }
        return new IndicatorSet(list);
    }

    @Override
    public String toString() {
        return text;
    }
}
