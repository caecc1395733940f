package io.tickstock.cli;

import io.tickstock.contract.BacktestParameters;
import io.tickstock.contract.BacktestRequest;
import io.tickstock.contract.Json;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.analyze.BarInput;
import io.tickstock.engine.analyze.Bars;
import io.tickstock.engine.backtest.Backtest;
import io.tickstock.engine.backtest.PatternFilter;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.bars.MarketSession;
import io.tickstock.engine.jobs.HistoricalBars;
import io.tickstock.engine.session.NyseCalendar;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tickstock backtest}: the engine's detectors over historical bars, traded by the rules of
 * {@link io.tickstock.engine.backtest.Simulation}, with a readable summary (and {@code --json}, {@code --trades}).
 */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = {
            "Backtest candlestick and price patterns on historical bars: files (--input, any input 'analyze' reads) or the "
                    + "recorded LEAN data (--symbols with --timeframe daily|1min, --from, --to). docs/backtesting.md states the rules."
        })
public final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--input",
            description = "A file of bars or trades (repeatable; LEAN zip, bar CSV, Massive flat file).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--symbols", split = ",", description = "Symbols of the recorded LEAN data, e.g. SPY,IBM.")
    List<String> symbols = new ArrayList<>();

    @Option(
            names = "--timeframe",
            defaultValue = "daily",
            description = "daily or 1min, for --symbols (default: ${DEFAULT-VALUE}).")
    String timeframe;

    @Option(names = "--from", description = "First New York date, yyyy-MM-dd (default: the data's first).")
    @Nullable
    LocalDate from;

    @Option(names = "--to", description = "Last New York date, yyyy-MM-dd (default: the data's last).")
    @Nullable
    LocalDate to;

    @Option(
            names = "--patterns",
            split = ",",
            defaultValue = "all",
            description = "pattern_type names (BullishEngulfing, Hammer, Price_Breakout) or TA-Lib functions "
                    + "(CDLENGULFING), or all (default).")
    List<String> patterns;

    @Mixin
    AdjustmentOptions prices = new AdjustmentOptions();

    @Option(names = "--initial-capital", defaultValue = "100000", description = "Dollars (default: ${DEFAULT-VALUE}).")
    double initialCapital;

    @Option(
            names = "--commission-rate",
            defaultValue = "0.001",
            description = "Per fill, of notional (default: ${DEFAULT-VALUE}).")
    double commissionRate;

    @Option(names = "--slippage-rate", defaultValue = "0.0005", description = "Per fill (default: ${DEFAULT-VALUE}).")
    double slippageRate;

    @Option(names = "--max-position-size", defaultValue = "0.1", description = "Of equity (default: ${DEFAULT-VALUE}).")
    double maxPositionSize;

    @Option(
            names = "--stop-loss-pct",
            defaultValue = "0.05",
            description = "From the entry (default: ${DEFAULT-VALUE}).")
    double stopLossPct;

    @Option(
            names = "--take-profit-pct",
            defaultValue = "0.10",
            description = "From the entry (default: ${DEFAULT-VALUE}).")
    double takeProfitPct;

    @Option(names = "--hold-bars", defaultValue = "20", description = "Bars held at most (default: ${DEFAULT-VALUE}).")
    int holdBars;

    @Option(names = "--no-short", description = "Do not sell short on bearish patterns.")
    boolean noShort;

    @Option(
            names = "--extended-hours",
            description =
                    "Trade pre-market and after-hours minute bars too (default: regular hours only, as the live engine's analytics).")
    boolean extendedHours;

    @Option(
            names = "--submit",
            description =
                    "Send it as a job on tickstock.jobs.backtest (TICKSTOCK_REDIS_URL) to a running worker and wait for its result, instead of running it here.")
    boolean submit;

    @Option(
            names = "--scorecard",
            description =
                    "Instead of trading: store every pattern's forward returns per symbol in pattern_scorecard "
                            + "(TICKSTOCK_DATABASE_URL), shown beside live detections; without --symbols, every recorded symbol.")
    boolean scorecard;

    @Option(
            names = "--redis",
            defaultValue = "${env:TICKSTOCK_REDIS_URL}",
            description = "Redis for --submit (default: TICKSTOCK_REDIS_URL).")
    @Nullable
    String redis;

    @Option(
            names = "--database",
            defaultValue = "${env:TICKSTOCK_DATABASE_URL}",
            description =
                    "PostgreSQL for --scorecard, and for --submit the whole result when Redis carried only its summary "
                            + "(default: TICKSTOCK_DATABASE_URL, else the embedded one for --scorecard).")
    @Nullable
    String database;

    @Option(names = "--json", description = "Write {\"status\":…,\"results\":{…}} to this file.")
    @Nullable
    Path json;

    @Option(names = "--trades", description = "Write every trade to this CSV file.")
    @Nullable
    Path trades;

    @Override
    public Integer call() throws Exception {
        BacktestParameters parameters;
        PatternFilter filter;
        try {
            parameters = new BacktestParameters(
                    initialCapital,
                    commissionRate,
                    slippageRate,
                    maxPositionSize,
                    stopLossPct,
                    takeProfitPct,
                    holdBars,
                    !noShort);
            filter = PatternFilter.of(patterns);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (scorecard && inputs.isEmpty() && symbols.isEmpty())
            symbols = BacktestScorecard.recordedSymbols(spec.commandLine(), dataDir(), timeframe);
        if (inputs.isEmpty() == symbols.isEmpty())
            throw new ParameterException(spec.commandLine(), "give either --input files or --symbols");
        if (from != null && to != null && to.isBefore(from))
            throw new ParameterException(spec.commandLine(), "--to must not be before --from");
        if (submit) return BacktestSubmission.submit(spec.commandLine(), redis, database, request(parameters), json);
        Map<String, AdjustedBars> bars = inputs.isEmpty() ? recorded() : files();
        if (scorecard)
            return BacktestScorecard.run(
                    bars, timeframe, database, spec.commandLine().getOut());
        boolean terminal = Terminal.interactive();
        long t0 = System.nanoTime();
        Backtest.Result results = Backtest.run(
                bars,
                filter,
                parameters,
                f -> {
                    if (terminal) System.err.printf("\rbacktesting %3.0f %%", f * 100);
                },
                () -> false);
        if (terminal) System.err.println();
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        out.print(BacktestReport.text(results, seconds));
        out.flush();
        if (json != null) Files.writeString(json, Json.write(Map.of("status", "completed", "results", results)));
        if (trades != null) Files.writeString(trades, BacktestReport.tradesCsv(results.trades()));
        return 0;
    }

    /** This command's backtest as a job request (a new job id). */
    private BacktestRequest request(BacktestParameters parameters) {
        if (symbols.isEmpty())
            throw new ParameterException(
                    spec.commandLine(), "--submit needs --symbols (a job reads the recorded data)");
        return new BacktestRequest(
                UUID.randomUUID().toString(),
                "cli:" + System.getProperty("user.name"),
                symbols.stream().map(x -> x.trim().toUpperCase(Locale.ROOT)).toList(),
                from != null ? from : LocalDate.of(1990, 1, 1),
                to != null ? to : LocalDate.now(NyseCalendar.NEW_YORK),
                patterns,
                timeframe,
                parameters,
                prices.adjustment());
    }

    /** The bars of {@code --input} files, taken as raw prices, adjusted by the factor files under {@code --data}. */
    private Map<String, AdjustedBars> files() throws IOException {
        Map<String, List<Bar>> raw = new LinkedHashMap<>();
        for (Path p : inputs) {
            Bars b = BarInput.read(p, null, extendedHours, n -> {});
            raw.computeIfAbsent(b.symbol(), k -> new ArrayList<>())
                    .addAll(inRange(b.daily() ? b.bars() : regular(b.bars())));
        }
        Map<String, AdjustedBars> out = new LinkedHashMap<>();
        for (var e : raw.entrySet()) {
            e.getValue().sort(Comparator.comparingLong(Bar::startMillis));
            out.put(
                    e.getKey(),
                    prices.apply(e.getKey(), e.getValue(), spec.commandLine().getErr()));
        }
        return out;
    }

    /** The recorded LEAN bars of {@code --symbols} ({@link HistoricalBars}: the reader backtest jobs use). */
    private Map<String, AdjustedBars> recorded() throws IOException {
        if (!timeframe.equals("daily") && !timeframe.equals("1min"))
            throw new ParameterException(
                    spec.commandLine(), "--timeframe must be daily or 1min, was '" + timeframe + "'");
        HistoricalBars library = new HistoricalBars(dataDir(), null);
        Map<String, AdjustedBars> out = new LinkedHashMap<>();
        for (String s : symbols) {
            String sym = s.trim().toUpperCase(Locale.ROOT);
            try {
                out.put(
                        sym,
                        library.read(
                                sym,
                                timeframe,
                                from != null ? from : BacktestRequest.FIRST_DATE,
                                to != null ? to : BacktestRequest.LAST_DATE,
                                prices.adjustment()));
            } catch (IllegalArgumentException | SQLException e) {
                throw new ParameterException(spec.commandLine(), "--symbols: " + e.getMessage());
            }
        }
        return out;
    }

    /** Regular-hours bars only, unless {@code --extended-hours}. */
    private List<Bar> regular(List<Bar> bars) {
        return extendedHours
                ? bars
                : bars.stream()
                        .filter(b -> b.session() == MarketSession.REGULAR)
                        .toList();
    }

    private List<Bar> inRange(List<Bar> bars) {
        return bars.stream()
                .filter(b -> {
                    LocalDate d = LocalDate.ofInstant(Instant.ofEpochMilli(b.startMillis()), NyseCalendar.NEW_YORK);
                    return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
                })
                .toList();
    }

    private Path dataDir() {
        return prices.dataDir();
    }
}
