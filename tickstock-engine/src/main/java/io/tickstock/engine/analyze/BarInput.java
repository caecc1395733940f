package io.tickstock.engine.analyze;

import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.BarAggregator;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.feed.LeanBarFile;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveFlatFile;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Opens any input {@code tickstock analyze} accepts and returns its bars: a bar CSV ({@link BarCsvFile}), a
 * LEAN minute or daily bar zip, a LEAN tick zip or a Massive trades flat file. Ticks are aggregated into
 * one-minute bars with the live engine's {@link BarAggregator} (eligibility rules, late-trade corrections
 * applied in place); extended-hours bars are kept only when asked, as the engine feeds them to indicators
 * only when asked.
 */
public final class BarInput {
    private BarInput() {}

    /**
     * Bars from any input TickStock reads: LEAN tick or bar zips, Massive trades flat files or a bar CSV.
     *
     * @param symbol        the ticker to read from a multi-ticker Massive file, the name given to CSV bars;
     *                      may be null
     * @param extendedHours keep pre-market and after-hours bars built from ticks
     * @param progress      receives the count of trades read so far, now and then
     * @throws IOException naming file (and line) when the input cannot be read
     * @throws IllegalArgumentException when the file is of no known kind or holds several tickers without
     *                                  {@code symbol}
     */
    public static Bars read(Path path, @Nullable String symbol, boolean extendedHours, LongConsumer progress)
            throws IOException {
        if (!Files.isRegularFile(path)) throw new IOException(path + ": no such file");
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        String parent =
                path.getParent() == null ? "" : path.getParent().toString().replace('\\', '/');
        if (name.endsWith("_trade.zip") && parent.contains("/tick/")) {
            try (LeanTickFile ticks = new LeanTickFile(path)) {
                return aggregate(ticks, symbol, extendedHours, progress);
            }
        }
        if (name.endsWith(".zip")) {
            List<Bar> bars = LeanBarFile.read(path);
            String sym = bars.isEmpty() ? symbol(path) : bars.get(0).symbol();
            return new Bars(sym, bars, parent.endsWith("/daily") || parent.equals("daily"));
        }
        if (BarCsvFile.looksLike(path)) {
            return BarCsvFile.read(path, symbol == null ? symbol(path) : symbol.toUpperCase(Locale.ROOT));
        }
        if (MassiveFlatFile.looksLike(path)) {
            try (MassiveFlatFile trades = new MassiveFlatFile(
                    path, symbol == null ? null : symbol.toUpperCase(Locale.ROOT), TradeConditions.bundled())) {
                return aggregate(trades, symbol, extendedHours, progress);
            }
        }
        throw new IllegalArgumentException(path + ": unknown input; expected a CSV with header '" + BarCsvFile.HEADER
                + "', a LEAN minute/daily/tick zip, or a Massive trades flat file (.csv.gz)");
    }

    private static Bars aggregate(
            TradeSource source, @Nullable String symbol, boolean extendedHours, LongConsumer progress)
            throws IOException {
        List<Bar> bars = new ArrayList<>();
        @Nullable String[] seen = {null};
        BarAggregator aggregator = new BarAggregator(0, 15 * Bar.MINUTE, false, new BarAggregator.Sink() {
            @Override
            public void onBar(Bar bar) {
                bars.add(bar);
            }

            @Override
            public void onCorrection(Bar bar, int revision) {
                for (int i = bars.size() - 1; i >= 0; i--) {
                    if (bars.get(i).startMillis() == bar.startMillis()) {
                        bars.set(i, bar);
                        return;
                    }
                    if (bars.get(i).startMillis() < bar.startMillis()) {
                        bars.add(i + 1, bar);
                        return;
                    }
                }
                bars.add(0, bar);
            }
        });
        long n = 0;
        for (Trade t; (t = source.next()) != null; ) {
            if (seen[0] == null) seen[0] = t.symbol();
            else if (!t.symbol().equals(seen[0])) {
                throw new IllegalArgumentException(
                        "the input holds several tickers (" + seen[0] + ", " + t.symbol() + ", …): pass --symbol");
            }
            aggregator.onWatermark(t.timeMillis());
            aggregator.onTrade(t);
            if (++n % 100_000 == 0) progress.accept(n);
        }
        aggregator.flush();
        progress.accept(n);
        if (!extendedHours) bars.removeIf(b -> b.session() != MarketSession.REGULAR);
        return new Bars(seen[0] == null ? String.valueOf(symbol) : seen[0], bars, false);
    }

    private static String symbol(Path path) {
        String name = path.getFileName().toString();
        int dot = name.indexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toUpperCase(Locale.ROOT);
    }
}
