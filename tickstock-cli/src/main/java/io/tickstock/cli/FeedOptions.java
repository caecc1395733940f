package io.tickstock.cli;

import io.tickstock.engine.feed.CloneTrades;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.feed.MassiveFlatFile;
import io.tickstock.engine.feed.MassiveSubscription;
import io.tickstock.engine.feed.MergedTradeSource;
import io.tickstock.engine.feed.SyntheticTrades;
import io.tickstock.engine.feed.TradeSource;
import io.tickstock.engine.feed.Universes;
import io.tickstock.engine.session.NyseCalendar;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the engine's trades come from, shared by {@code demo} and {@code engine}. */
public final class FeedOptions {
    /** The environment variable holding the Massive API key (never printed or logged). */
    static final String API_KEY_VARIABLE = "TICKSTOCK_MASSIVE_API_KEY";

    @Option(
            names = "--feed",
            description = "replay (LEAN tick files, default), massive (the Massive WebSocket; in demo, a local "
                    + "fake Massive server replaying the same ticks), synthetic (a seeded synthetic universe, --symbols N) or "
                    + "clone (the day's real ticks under --clones renamed copies per symbol).",
            defaultValue = "replay")
    String feed;

    @Option(
            names = "--massive-aggregates",
            description = "Also subscribe Massive's minute aggregates (AM.*) and log how our bars compare.")
    boolean aggregates;

    @Option(
            names = "--input",
            split = ",",
            description =
                    "Trade files to replay instead of --date's LEAN ticks: LEAN tick zips "
                            + "and/or Massive trades flat files (us_stocks_sip/trades_v1/.../YYYY-MM-DD.csv.gz), merged in time order.")
    List<Path> inputs;

    @Option(
            names = "--universe",
            description = "Named universe of synthetic runs (default: ${DEFAULT-VALUE}).",
            defaultValue = Universes.DEFAULT)
    String universe;

    @Option(
            names = "--universes",
            description = "A YAML file of more universes (name: [SYMBOL, ...]) beside the bundled ones.")
    Path universesFile;

    @Option(
            names = "--clones",
            description = "Copies per symbol for --feed clone, 1-9999 (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int clones;

    @Option(names = "--seed", description = "Seed of --feed synthetic (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    long seed;

    @Option(
            names = "--massive-url",
            description = "Massive stocks WebSocket (default: ${DEFAULT-VALUE}; "
                    + "wss://delayed.massive.com/stocks for the 15-minute delayed feed).",
            defaultValue = "wss://socket.massive.com/stocks")
    String massiveUrl;

    @Option(
            names = "--max-clock-skew",
            description = "With --feed massive: a trade stamped more than this many ms ahead of this machine's clock "
                    + "is refused and counted, so that one bad print cannot close every open bar "
                    + "(default: ${DEFAULT-VALUE}).",
            defaultValue = "5000")
    long maxClockSkewMillis;

    /** The feeds. */
    enum Kind {
        REPLAY,
        MASSIVE,
        SYNTHETIC,
        CLONE
    }

    Kind kind(picocli.CommandLine cmd) {
        return switch (feed.toLowerCase(Locale.ROOT)) {
            case "replay" -> Kind.REPLAY;
            case "massive" -> Kind.MASSIVE;
            case "synthetic" -> Kind.SYNTHETIC;
            case "clone" -> Kind.CLONE;
            default ->
                throw new ParameterException(
                        cmd, "--feed must be replay, massive, synthetic or clone, was '" + feed + "'");
        };
    }

    boolean massive(picocli.CommandLine cmd) {
        return kind(cmd) == Kind.MASSIVE;
    }

    /**
     * The trades of a synthetic or clone feed, the universe name and its size; null for replay and massive.
     *
     * @param symbols {@code --symbols}: a count for synthetic (default 500), ignored for clone
     */
    @Nullable
    Source source(
            picocli.CommandLine cmd,
            @Nullable List<String> symbols,
            List<Path> tickFiles,
            LocalDate date,
            long fromMillis)
            throws IOException {
        return switch (kind(cmd)) {
            case REPLAY -> inputs == null || inputs.isEmpty() ? null : files(cmd, inputs, symbols, date, fromMillis);
            case SYNTHETIC -> synthetic(cmd, symbols, date);
            case CLONE -> clone(cmd, tickFiles, date, fromMillis);
            default -> null;
        };
    }

    /** {@code --input} files (LEAN tick zips, Massive flat files), only {@code symbols} when given. */
    private static Source files(
            picocli.CommandLine cmd, List<Path> inputs, @Nullable List<String> symbols, LocalDate date, long fromMillis)
            throws IOException {
        for (Path p : inputs) {
            if (!Files.isRegularFile(p)) throw new ParameterException(cmd, "--input: no such file " + p);
        }
        LocalDate day = dayOf(cmd, inputs.getFirst());
        List<String> only = symbols == null
                ? null
                : symbols.stream().map(x -> x.trim().toUpperCase(Locale.ROOT)).toList();
        long from = startOf(day, fromMillis, date);
        return new Source(TradeFiles.open(inputs, from, only), "replay:files:" + day, symbolsIn(inputs), from);
    }

    /** {@code --feed synthetic}: {@code --symbols N} (default 500) of the universe, seeded random walks. */
    private Source synthetic(picocli.CommandLine cmd, @Nullable List<String> symbols, LocalDate date) {
        int count = 500;
        if (symbols != null && !symbols.isEmpty()) {
            try {
                count = Integer.parseInt(symbols.getFirst().trim());
            } catch (NumberFormatException e) {
                throw new ParameterException(
                        cmd, "--feed synthetic takes --symbols N (a count), was '" + String.join(",", symbols) + "'");
            }
        }
        List<String> names;
        try {
            names = Universes.load(universesFile).symbols(universe, count);
        } catch (IllegalArgumentException | IOException e) {
            throw new ParameterException(cmd, String.valueOf(e.getMessage()));
        }
        SyntheticTrades trades = new SyntheticTrades(names, date, seed);
        return new Source(trades, "synthetic:" + universe, names.size(), trades.openMillis());
    }

    /** {@code --feed clone}: the day's LEAN tick files, each symbol cloned {@code --clones} times. */
    private Source clone(picocli.CommandLine cmd, List<Path> tickFiles, LocalDate date, long fromMillis)
            throws IOException {
        List<TradeSource> files = new ArrayList<>();
        for (Path p : tickFiles) files.add(new LeanTickFile(p));
        try {
            return new Source(
                    new CloneTrades(new MergedTradeSource(files, fromMillis), clones),
                    "clone:lean:" + date + "x" + clones,
                    tickFiles.size() * clones,
                    fromMillis);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, e.getMessage());
        }
    }

    /** The trading day in a LEAN ({@code yyyyMMdd_trade.zip}) or Massive ({@code YYYY-MM-DD.csv.gz}) file name. */
    private static LocalDate dayOf(picocli.CommandLine cmd, Path file) {
        String name = file.getFileName().toString();
        try {
            if (name.matches("\\d{4}-\\d{2}-\\d{2}\\..*")) return LocalDate.parse(name.substring(0, 10));
            return LeanTickFile.dateOf(file);
        } catch (RuntimeException e) {
            throw new ParameterException(cmd, "--input: cannot tell the trading day from the name " + name);
        }
    }

    /** --from's time of day moved to the files' day. */
    private static long startOf(LocalDate day, long fromMillis, LocalDate replayDate) {
        return fromMillis
                + Duration.between(
                                replayDate.atStartOfDay(NyseCalendar.NEW_YORK), day.atStartOfDay(NyseCalendar.NEW_YORK))
                        .toMillis();
    }

    /** How many symbols the files hold: one per LEAN file, else counted by reading Massive files' tickers. */
    private static int symbolsIn(List<Path> files) throws IOException {
        Set<String> symbols = new HashSet<>();
        for (Path p : files) {
            if (p.getFileName().toString().endsWith("_trade.zip")) {
                symbols.add(LeanTickFile.folderName(p));
                continue;
            }
            try (MassiveFlatFile f = new MassiveFlatFile(p, null, TradeConditions.bundled())) {
                for (Trade t; (t = f.next()) != null; ) symbols.add(t.symbol());
            }
        }
        return symbols.size();
    }

    /** The LEAN tick files a replay or clone feed reads ({@code --date}, {@code --symbols}); none for the other feeds. */
    List<Path> tickFiles(picocli.CommandLine cmd, Kind kind, ReplayOptions replay) throws IOException {
        return (kind == Kind.REPLAY && inputs == null) || kind == Kind.CLONE ? replay.tickFiles(cmd) : List.of();
    }

    /** A replayable feed: its trades, universe name and size, and where its event time starts. */
    record Source(TradeSource trades, String universe, int symbolCount, long fromMillis) {}

    /** Topics {@code T.<symbol>} for the given symbols, or {@code T.*}; with {@code --massive-aggregates} also {@code AM.…}. */
    List<String> topics(List<String> symbols) {
        List<String> prefixes = aggregates ? List.of("T.", "AM.") : List.of("T.");
        List<String> topics = new ArrayList<>();
        for (String prefix : prefixes) {
            if (symbols == null || symbols.isEmpty()) topics.add(prefix + "*");
            else for (String s : symbols) topics.add(prefix + s.trim().toUpperCase(Locale.ROOT));
        }
        return topics;
    }

    /** The real Massive feed: URL from {@code --massive-url}, key from the environment. */
    MassiveSubscription massiveConfig(picocli.CommandLine cmd, List<String> symbols) {
        String key = System.getenv(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new ParameterException(cmd, "--feed massive needs an API key: set " + API_KEY_VARIABLE);
        }
        if (maxClockSkewMillis < 0 || maxClockSkewMillis > 3_600_000)
            throw new ParameterException(cmd, "--max-clock-skew must be 0 to 3600000 ms, was " + maxClockSkewMillis);
        return new MassiveSubscription(
                URI.create(massiveUrl), key.trim(), topics(symbols), 100_000, maxClockSkewMillis);
    }
}
