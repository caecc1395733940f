package io.tickstock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.contract.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
