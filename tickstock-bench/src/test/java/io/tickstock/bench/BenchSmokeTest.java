package io.tickstock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickstock.cli.TickStockCli;
import io.tickstock.contract.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The performance harnesses still run and count right (their numbers live in the README, not here): the no-I/O
 * replay reads every trade of 2013-10-08, and {@code tickstock bench e2e} at a small size prints its JSON with every
 * pattern and alert received by every client.
 */
@Tag("e2e")
class BenchSmokeTest {
    @Test
    void theNoIoReplayReadsTheWholeDay() throws Exception {
        LocalDate day = LocalDate.of(2013, 10, 8);
        NoIoReplay.Result r = NoIoReplay.run(
                BenchData.tickText("20131008"),
                day,
                day.atTime(9, 25)
                        .atZone(ZoneId.of("America/New_York"))
                        .toInstant()
                        .toEpochMilli());
        assertThat(r.trades()).isEqualTo(651_709);
        assertThat(r.commands()).isPositive();
        assertThat(r.rows()).isPositive();
    }

    @Test
    void benchE2ePrintsItsMeasurements() {
        StringWriter out = new StringWriter();
        CommandLine cmd = TickStockCli.commandLine();
        cmd.setOut(new PrintWriter(out));
        int exit = cmd.execute(
                "bench",
                "e2e",
                "--symbols",
                "30",
                "--clients",
                "3",
                "--rate",
                "400",
                "--duration",
                "3",
                "--warmup",
                "0");
        assertThat(exit).isZero();
        JsonNode result = Json.read(out.toString()
                .lines()
                .filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b)
                .orElseThrow());
        assertThat(result.path("events_per_sec").asLong()).isPositive();
        assertThat(result.path("p99_ms").isNumber()).isTrue();
        assertThat(result.path("patterns_not_received").asLong()).isZero();
        assertThat(result.path("alerts_not_received").asLong()).isZero();
    }
}
