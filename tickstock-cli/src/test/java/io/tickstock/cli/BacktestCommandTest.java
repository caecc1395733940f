package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tickstock backtest} on the recorded data: the summary, the JSON and the trades CSV agree; bad input is named. */
@Tag("e2e")
class BacktestCommandTest {
    @TempDir
    Path tmp;

    int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cmd = TickStockCli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void spysDailyHistoryGivesASummaryWhoseFinalEquityIsTheCapitalPlusEveryTradesPnl() throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Path json = tmp.resolve("result.json"), trades = tmp.resolve("trades.csv");
        int code = run(
                out,
                err,
                "backtest",
                "--symbols",
                "SPY",
                "--timeframe",
                "daily",
                "--data",
                System.getProperty("tickstock.data.dir"),
                "--json",
                json.toString(),
                "--trades",
                trades.toString());
        assertThat(code).as(err.toString()).isZero();
        JsonNode results = Json.read(Files.readString(json)).path("results");
        List<String> rows = Files.readAllLines(trades);
        assertThat(rows.getFirst()).startsWith("symbol,pattern,function,side,entry_time,entry_price");
        int pnlColumn = List.of(rows.getFirst().split(",", -1)).indexOf("pnl");
        double pnl = 0;
        for (String row : rows.subList(1, rows.size())) pnl += Double.parseDouble(row.split(",", -1)[pnlColumn]);
        assertThat(rows).hasSize(results.path("summary").path("trades").asInt() + 1);
        assertThat(results.path("summary").path("final_equity").asDouble()).isEqualTo(100_000 + pnl);
        assertThat(results.path("bars").path("SPY").asInt()).isGreaterThan(5_000);
        assertThat(results.path("forward_returns")).isNotEmpty();
        assertThat(out.toString()).contains("total return", "pattern", "SPY");
    }

    /** The recorded symbols' splits: the first New York day at the new share count (UTC midnight of that date). */
    static final Map<String, List<String>> SPLITS = Map.of(
            "AAPL", List.of("2000-06-21", "2005-02-28", "2014-06-09", "2020-08-31"),
            "IBM", List.of("1999-05-27"),
            "QQQ", List.of("2000-03-20"));

    @Test
    void applesIbmsAndQqqsSplitsAreNeverTradedAndTheBenchmarkIsPrinted() throws Exception {
        for (String adjustment : List.of("adjusted", "raw")) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            Path json = tmp.resolve(adjustment + ".json");
            int code = run(
                    out,
                    err,
                    "backtest",
                    "--symbols",
                    "AAPL,IBM,QQQ",
                    "--timeframe",
                    "daily",
                    "--adjustment",
                    adjustment,
                    "--data",
                    System.getProperty("tickstock.data.dir"),
                    "--json",
                    json.toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("benchmark (buy and hold", "alpha");
            JsonNode results = Json.read(Files.readString(json)).path("results");
            for (String symbol : List.of("AAPL", "IBM", "QQQ"))
                assertThat(results.path("adjustment").path(symbol).asText()).isEqualTo(adjustment);
            for (JsonNode t : results.path("trades")) {
                for (String split : SPLITS.getOrDefault(t.path("symbol").asText(), List.of())) {
                    boolean across = t.path("entry_time").asText().compareTo(split) < 0
                            && t.path("exit_time").asText().compareTo(split) >= 0;
                    if (!across) continue;
                    assertThat(adjustment)
                            .as("a raw position held across the split of %s: %s", split, t)
                            .isEqualTo("adjusted");
                    // a split booked would be −50 % (2:1) to −86 % (7:1), or the mirror for a short
                    assertThat(Math.abs(t.path("return_pct").asDouble()))
                            .as("%s", t)
                            .isLessThan(0.3);
                }
            }
            if (adjustment.equals("raw"))
                assertThat(results.path("warnings").toString()).contains("2014-06-09", "1999-05-27", "2000-03-20");
            else assertThat(results.path("warnings")).isEmpty();
        }
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(run(out, err, "backtest", "--symbols", "SPY", "--adjustment", "dividends"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--adjustment must be raw, split or adjusted");
    }

    @Test
    void anUnknownPatternOrAMissingSymbolIsNamed() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertThat(run(out, err, "backtest", "--symbols", "SPY", "--patterns", "Hammerr"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown pattern 'Hammerr'");
        err.getBuffer().setLength(0);
        assertThat(run(out, err, "backtest", "--symbols", "ZZZZ", "--data", System.getProperty("tickstock.data.dir")))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no daily bars of ZZZZ");
    }
}
