package io.tickstock.cli;

import io.tickstock.contract.DatabaseUrl;
import io.tickstock.engine.EngineConfig;
import io.tickstock.engine.indicators.IndicatorSpec;
import io.tickstock.engine.pipeline.Pipeline;
import io.tickstock.engine.session.NyseCalendar;
import io.tickstock.engine.session.SessionSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options of a LEAN tick replay, shared by {@code demo} and {@code engine}. */
public final class ReplayOptions {
    @Option(
            names = "--date",
            description = "Trading day to replay, yyyy-MM-dd (default: ${DEFAULT-VALUE}).",
            defaultValue = "2013-10-08")
    LocalDate date;

    @Option(
            names = "--speed",
            description = "Replay speed: a multiple of real time, or 'max' (default: ${DEFAULT-VALUE}).",
            defaultValue = "60")
    String speed;

    @Option(
            names = "--from",
            description = "New York time where the replay starts, HH:mm (default: ${DEFAULT-VALUE}).",
            defaultValue = "09:25")
    LocalTime from;

    @Option(names = "--to", description = "New York time where the replay stops, HH:mm (default: the end of the data).")
    LocalTime to;

    @Option(
            names = "--symbols",
            split = ",",
            description = "Symbols to replay (default: every symbol with ticks on that date); "
                    + "with --feed synthetic, how many symbols of the universe (default 500).")
    List<String> symbols;

    @Option(
            names = "--data",
            description =
                    "Market data folder (default: TICKSTOCK_DATA_DIR, else the data folder beside the repository).")
    Path data;

    @Option(
            names = "--health-interval",
            description = "Seconds between health events, 1-60 (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    int healthIntervalSeconds;

    @Option(
            names = "--extended-hours",
            description =
                    "Let pre-market and after-hours bars feed indicators and patterns (default: regular hours only).")
    boolean extendedHours;

    @Option(
            names = "--indicators",
            description = "Indicators computed and published per symbol: NAME:param:param,... "
                    + "(e.g. RSI:14,ATR:14,STOCH:5:3:3), or 'all' (default: the integration contract's minimum set).")
    String indicators;

    @Option(
            names = "--grace",
            description = "Seconds a minute's bar stays open after the minute ends, 0-60 (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int graceSeconds;

    @Option(
            names = "--correction-window",
            description =
                    "Minutes after a bar's end during which a late trade corrects it, 0-60 (default: ${DEFAULT-VALUE}).",
            defaultValue = "15")
    int correctionWindowMinutes;

    @Option(
            names = "--fill-forward",
            description = "Publish a flagged bar at the previous close for minutes without trades (default: off).")
    boolean fillForward;

    @Option(
            names = "--closing-auction-in-last-bar",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Credit the closing auction print (stamped just after the close) to the last regular-hours bar, as the data "
                            + "vendors' minute bars do, so the 15:59 bar's close is the official close (a correction of that bar); "
                            + "--no-closing-auction-in-last-bar keeps it at its time stamp (default: on).")
    boolean closingAuctionInLastBar;

    @Option(
            names = "--max-symbols",
            defaultValue = "20000",
            description =
                    "Most symbols the engine keeps state for (split over its shards; each trade-log partition holds "
                            + "as many), and in demo the app's too; the trades of further symbols are refused and "
                            + "counted (default: ${DEFAULT-VALUE}).")
    int maxSymbols;

    @Option(
            names = "--alert-cooldown",
            description =
                    "Minimum minutes between two alerts of one type for one symbol (default: ${DEFAULT-VALUE}, none).",
            defaultValue = "0")
    int alertCooldownMinutes;

    @Option(
            names = "--resume",
            description =
                    "Continue the session an interrupted replay (Ctrl-C, a kill) left open, after its last stored "
                            + "bar (default: close it as failed and replay the day as a new session).")
    boolean resume;

    /** The speed as a number; infinity for 'max'. */
    double speedValue(picocli.CommandLine cmd) {
        return parseSpeed(cmd, speed);
    }

    /**
     * A replay speed: a positive multiple of real time, or {@code max} (infinity).
     *
     * @throws ParameterException naming --speed otherwise
     */
    static double parseSpeed(picocli.CommandLine cmd, String speed) {
        if (speed.equalsIgnoreCase("max")) return Double.POSITIVE_INFINITY;
        try {
            double v = Double.parseDouble(speed);
            if (v > 0) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ParameterException(cmd, "--speed must be a positive number or 'max', was '" + speed + "'");
    }

    Path dataDir() {
        return BacktestOptions.dataDir(data);
    }

    /** The tick files of the chosen symbols and date. */
    List<Path> tickFiles(picocli.CommandLine cmd) throws IOException {
        Path root = dataDir().resolve("lean/equity/usa/tick");
        if (!Files.isDirectory(root)) {
            throw new ParameterException(
                    cmd, "no LEAN tick data at " + root.toAbsolutePath() + ": pass --data or set TICKSTOCK_DATA_DIR");
        }
        String name = date.format(DateTimeFormatter.BASIC_ISO_DATE) + "_trade.zip";
        List<Path> files = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                String sym = dir.getFileName().toString().toUpperCase(Locale.ROOT);
                if (symbols != null && symbols.stream().noneMatch(s -> s.equalsIgnoreCase(sym))) continue;
                if (Files.exists(dir.resolve(name))) files.add(dir.resolve(name));
            }
        }
        if (files.isEmpty())
            throw new ParameterException(
                    cmd, "no tick files for " + date + (symbols == null ? "" : " and " + symbols) + " under " + root);
        return files;
    }

    EngineConfig engineConfig(picocli.CommandLine cmd, String redisUrl, DatabaseUrl db) throws IOException {
        return engineConfig(cmd, redisUrl, db, tickFiles(cmd), leanUniverse());
    }

    /** The universe of the LEAN replay of --date: {@code replay:lean:<yyyyMMdd>}. */
    String leanUniverse() {
        return "replay:lean:" + date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /**
     * Live sessions for {@code --session} {@code mode}: by the NYSE calendar (with --extended-hours, 04:00-20:00) or
     * one from now.
     *
     * @throws ParameterException naming --session for any other mode
     */
    SessionSchedule schedule(picocli.CommandLine cmd, String mode) {
        return switch (mode) {
            case "calendar" -> SessionSchedule.calendar(new NyseCalendar(), extendedHours);
            case "now" -> SessionSchedule.immediate();
            default -> throw new ParameterException(cmd, "--session must be 'calendar' or 'now', was '" + mode + "'");
        };
    }

    /** The New York time to stop at on the replay date, epoch ms; MAX_VALUE without --to. */
    long toMillis() {
        return to == null
                ? Long.MAX_VALUE
                : date.atTime(to).atZone(NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
    }

    /** The New York time to start from on the replay date, epoch ms. */
    long fromMillis() {
        return date.atTime(from).atZone(NyseCalendar.NEW_YORK).toInstant().toEpochMilli();
    }

    EngineConfig engineConfig(
            picocli.CommandLine cmd, String redisUrl, DatabaseUrl db, List<Path> files, String universe) {
        if (healthIntervalSeconds < 1 || healthIntervalSeconds > 60) {
            throw new ParameterException(cmd, "--health-interval must be 1-60 seconds, was " + healthIntervalSeconds);
        }
        if (to != null && !to.isAfter(from))
            throw new ParameterException(cmd, "--to (" + to + ") must be after --from (" + from + ")");
        return EngineConfig.builder(redisUrl, db)
                .replay(files, speedValue(cmd), from, to)
                .universe(universe)
                .healthIntervalMillis(healthIntervalSeconds * 1000L)
                .analytics(analytics(cmd))
                .resumeReplay(resume)
                .build();
    }

    Pipeline.Options analytics(picocli.CommandLine cmd) {
        if (graceSeconds < 0 || graceSeconds > 60)
            throw new ParameterException(cmd, "--grace must be 0-60 seconds, was " + graceSeconds);
        if (correctionWindowMinutes < 0 || correctionWindowMinutes > 60) {
            throw new ParameterException(
                    cmd, "--correction-window must be 0-60 minutes, was " + correctionWindowMinutes);
        }
        if (alertCooldownMinutes < 0 || alertCooldownMinutes > 1440) {
            throw new ParameterException(cmd, "--alert-cooldown must be 0-1440 minutes, was " + alertCooldownMinutes);
        }
        IndicatorSpec spec;
        try {
            spec = indicators == null
                    ? IndicatorSpec.STANDARD
                    : "all".equalsIgnoreCase(indicators) ? IndicatorSpec.ALL : IndicatorSpec.parse(indicators);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "--indicators: " + e.getMessage());
        }
        if (maxSymbols < 1) throw new ParameterException(cmd, "--max-symbols must be at least 1, was " + maxSymbols);
        return new Pipeline.Options(
                graceSeconds * 1000L,
                correctionWindowMinutes * 60_000L,
                fillForward,
                extendedHours,
                spec,
                alertCooldownMinutes * 60_000L,
                closingAuctionInLastBar,
                maxSymbols);
    }
}
