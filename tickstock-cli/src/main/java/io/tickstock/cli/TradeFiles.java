package io.tickstock.cli;

import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveFlatFile;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.trades.TradeConditions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recorded trade files as one time-ordered {@link TradeSource}: LEAN tick zips ({@code *_trade.zip}) and Massive
 * trades flat files ({@code .csv.gz}, each split by ticker), merged in time order. Used by the replay feed,
 * {@code fake-massive} and {@code demo --feed massive}.
 */
final class TradeFiles {
    private TradeFiles() {}

    /**
     * @param fromMillis epoch ms; trades before it are skipped ({@link Long#MIN_VALUE}: none)
     * @throws UncheckedIOException when a file cannot be opened
     */
    static TradeSource open(List<Path> files, long fromMillis) {
        return open(files, fromMillis, null);
    }

    /** The same, reading only {@code symbols} from Massive files (null: every ticker). */
    static TradeSource open(List<Path> files, long fromMillis, @Nullable List<String> symbols) {
        try {
            List<TradeSource> sources = new ArrayList<>();
            for (Path p : files) {
                sources.add(
                        p.getFileName().toString().endsWith("_trade.zip")
                                ? new LeanTickFile(p)
                                : MassiveFlatFile.timeOrdered(p, symbols, TradeConditions.bundled()));
            }
            return new MergedTradeSource(sources, fromMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
