package io.tickstock.engine.bars;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.feed.LeanTickFile;
import io.tickstock.engine.trades.Trade;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our minute bars from LEAN's ticks against LEAN's own minute bars, for every symbol-day with both:
 * prints the per-day table that the README's data section reports, and pins the totals.
 */
class LeanBarComparisonTest {
    @Test
    void ourMinuteBarsAgreeWithLeansOwn() throws Exception {
        long minutes = 0, sameVolume = 0, sameOhlc = 0, sameTimes = 0, days = 0;
        StringBuilder table = new StringBuilder(
                "| symbol | day | LEAN minutes | ours | equal volume | equal OHLC |\n|---|---|---|---|---|---|\n");
        for (String symbol : List.of("bac", "ibm", "spy")) {
            for (String day : List.of("20131007", "20131008", "20131009", "20131010", "20131011")) {
                Path ticks = MarketData.lean("tick/" + symbol + "/" + day + "_trade.zip");
                Path minute = MarketData.lean("minute/" + symbol + "/" + day + "_trade.zip");
                if (!Files.exists(ticks) || !Files.exists(minute)) continue;
                days++;
                List<Bar> ours = new ArrayList<>(), corrected = new ArrayList<>();
                BarAggregator a =
                        new BarAggregator(2000, 15 * Bar.MINUTE, false, BarAggregatorTest.sink(ours, corrected));
                try (LeanTickFile f = new LeanTickFile(ticks)) {
                    for (Trade t; (t = f.next()) != null; ) {
                        a.onWatermark(t.timeMillis());
                        a.onTrade(t);
                    }
                }
                a.flush();
                Map<Long, Bar> byStart = new HashMap<>();
                for (Bar b : ours) byStart.put(b.startMillis(), b);
                for (Bar b : corrected) byStart.put(b.startMillis(), b); // what a consumer holds: the latest revision
                long v = 0, o = 0, n = 0;
                for (Bar lean : MarketData.bars(minute)) {
                    n++;
                    Bar b = byStart.get(lean.startMillis());
                    if (b == null) continue;
                    sameTimes++;
                    if (b.volume() == lean.volume()) v++;
                    if (b.open() == lean.open()
                            && b.high() == lean.high()
                            && b.low() == lean.low()
                            && b.close() == lean.close()) o++;
                }
                minutes += n;
                sameVolume += v;
                sameOhlc += o;
                table.append(String.format(
                        "| %s | %s | %d | %d | %.1f%% | %.1f%% |%n",
                        symbol.toUpperCase(java.util.Locale.ROOT), day, n, ours.size(), 100.0 * v / n, 100.0 * o / n));
            }
        }
        table.append(String.format(
                "| all | %d days | %d | | %.2f%% | %.2f%% |%n",
                days, minutes, 100.0 * sameVolume / minutes, 100.0 * sameOhlc / minutes));
        System.out.print(table);
        assertThat(days).isEqualTo(15);
        assertThat(sameTimes).as("every LEAN minute has our bar").isEqualTo(minutes);
        assertThat((double) sameVolume / minutes).isGreaterThan(0.98);
        assertThat((double) sameOhlc / minutes).isGreaterThan(0.99);
    }
}
