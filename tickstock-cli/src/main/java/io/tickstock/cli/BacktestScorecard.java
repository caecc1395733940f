package io.tickstock.cli;

import io.tickstock.contract.DatabaseUrl;
import io.tickstock.engine.adjustment.AdjustedBars;
import io.tickstock.engine.jobs.ScorecardStore;
import io.tickstock.engine.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code tickstock backtest --scorecard}: every pattern's forward-return table per symbol over the given bars, stored in
 * {@code pattern_scorecard} (TICKSTOCK_DATABASE_URL, else the embedded PostgreSQL) for the dashboard to show beside each
 * live detection.
 */
final class BacktestScorecard {
    private BacktestScorecard() {}

    /** Every symbol of the recorded data for {@code timeframe} (daily zips or minute folders), upper case, sorted. */
    static List<String> recordedSymbols(picocli.CommandLine cmd, Path dataDir, String timeframe) throws IOException {
        Path dir = dataDir.resolve("lean/equity/usa").resolve(timeframe.equals("1min") ? "minute" : "daily");
        if (!Files.isDirectory(dir))
            throw new picocli.CommandLine.ParameterException(cmd, "no recorded data at " + dir);
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString().replace(".zip", "").toUpperCase(Locale.ROOT))
                    .sorted()
                    .toList();
        }
    }

    /** @param database the PostgreSQL URL, or null for the embedded one under {@code ~/.tickstock} */
    static int run(Map<String, AdjustedBars> bars, String timeframe, @Nullable String database, PrintWriter out)
            throws Exception {
        if (database != null && !database.isBlank()) return store(bars, timeframe, DatabaseUrl.parse(database), out);
        try (Infrastructure infra = Infrastructure.fromEnvironment()) {
            return store(bars, timeframe, infra.database(), out);
        }
    }

    private static int store(Map<String, AdjustedBars> bars, String timeframe, DatabaseUrl database, PrintWriter out)
            throws Exception {
        try (var dataSource = Database.open(database, "tickstock-scorecard", 2)) {
            Database.migrate(dataSource);
            ScorecardStore store = new ScorecardStore(dataSource);
            int rows = 0;
            for (var e : bars.entrySet()) {
                int stored = store.score(timeframe, e.getKey(), e.getValue());
                rows += stored;
                out.printf(
                        "scorecard %s %s: %,d bars (%s), %,d rows%n",
                        timeframe,
                        e.getKey(),
                        e.getValue().bars().size(),
                        e.getValue().applied().wireName(),
                        stored);
            }
            out.printf("stored %,d scorecard rows in pattern_scorecard (%s)%n", rows, database);
            return 0;
        }
    }
}
