package io.tickstock.cli;

import io.tickstock.engine.analyze.Analysis;
import io.tickstock.engine.analyze.BarInput;
import io.tickstock.engine.analyze.Bars;
import io.tickstock.engine.indicators.IndicatorSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tickstock analyze}: indicators and patterns of a file of bars or trades, as CSV. */
@Command(
        name = "analyze",
        mixinStandardHelpOptions = true,
        description = {
            "Compute indicators, the 61 TA-Lib candlestick patterns and the four price patterns of every bar "
                    + "of a file, with the live engine's code, into a CSV (one row per bar).",
            "Input: a CSV with header timestamp,open,high,low,close,volume; a LEAN minute or daily zip; a LEAN tick "
                    + "zip; or a Massive trades flat file (ticks are aggregated into 1-minute bars first). Prices "
                    + "are taken as raw and adjusted by the symbol's factor file under --data (--adjustment)."
        })
public final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, description = "The file to analyze.")
    Path input;

    @Option(names = "--output", required = true, description = "The CSV to write (overwritten).")
    Path output;

    @Option(
            names = "--indicators",
            description =
                    "Comma-separated NAME:param:param, e.g. RSI:14,SMA:20,MACD:12:26:9,"
                            + "BBANDS:20:2,ATR:14 (default: the integration contract's minimum set, ${DEFAULT-VALUE}; 'all' for every indicator).",
            defaultValue = "RSI:14,SMA:20,SMA:50,SMA:200,EMA:12,EMA:26,MACD:12:26:9,BBANDS:20:2")
    String indicators;

    @Option(
            names = "--symbol",
            description = "Ticker to read from a Massive file holding several (and the name given to CSV bars).")
    String symbol;

    @Option(
            names = "--extended-hours",
            description = "Keep pre-market and after-hours bars built from ticks (default: regular hours only).")
    boolean extendedHours;

    @Mixin
    AdjustmentOptions prices = new AdjustmentOptions();

    @Override
    public Integer call() throws Exception {
        IndicatorSpec indicatorSpec;
        try {
            indicatorSpec = "all".equalsIgnoreCase(indicators) ? IndicatorSpec.ALL : IndicatorSpec.parse(indicators);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--indicators: " + e.getMessage());
        }
        PrintStream err = System.err;
        boolean terminal = Terminal.interactive();
        long started = System.nanoTime();
        Bars raw = BarInput.read(
                input, symbol, extendedHours, trades -> progress(err, terminal, "reading", trades, "trades", started));
        Bars bars = new Bars(
                raw.symbol(),
                prices.apply(raw.symbol(), raw.bars(), spec.commandLine().getErr())
                        .bars(),
                raw.daily());
        Path tmp = output.resolveSibling(output.getFileName() + ".part");
        int rows;
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            rows = Analysis.write(
                    bars, indicatorSpec, out, n -> progress(err, terminal, "analyzing", n, "bars", started));
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException(output + ": cannot write (" + e.getMessage() + ")", e);
        }
        Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING);
        if (terminal) err.print("\r\033[K");
        err.printf(
                "%s: %d bars of %s analyzed in %.2f s -> %s%n",
                input.getFileName(), rows, bars.symbol(), (System.nanoTime() - started) / 1e9, output);
        return 0;
    }

    private static void progress(PrintStream err, boolean terminal, String what, long n, String unit, long started) {
        if (!terminal) return;
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        err.printf("\r%s: %,d %s (%,.0f/s)\033[K", what, n, unit, n / seconds);
        err.flush();
    }
}
