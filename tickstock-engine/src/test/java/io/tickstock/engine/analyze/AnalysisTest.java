package io.tickstock.engine.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.tickstock.engine.MarketData;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.IndicatorSpec;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisTest {
    private static List<String[]> analyze(Bars bars, String spec) throws Exception {
        StringWriter out = new StringWriter();
        Analysis.write(bars, IndicatorSpec.parse(spec), out, n -> {});
        return out.toString().lines().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void headerAndRowsFollowTheDocumentedLayout() throws Exception {
        Bars bars = BarInput.read(MarketData.lean("daily/spy.zip"), null, false, n -> {});
        List<String[]> rows = analyze(bars, "RSI:14,MACD:12:26:9,BBANDS:20:2,ATR:14");
        String[] header = rows.get(0);
        assertThat(Arrays.asList(header).subList(0, 15))
                .containsExactly(
                        "timestamp",
                        "open",
                        "high",
                        "low",
                        "close",
                        "volume",
                        "RSI_14",
                        "MACD_12_26_9_macd",
                        "MACD_12_26_9_signal",
                        "MACD_12_26_9_hist",
                        "BBANDS_20_2_upper",
                        "BBANDS_20_2_middle",
                        "BBANDS_20_2_lower",
                        "ATR_14",
                        "CDL2CROWS");
        assertThat(header).hasSize(14 + 61 + 4);
        assertThat(header[14 + 60]).isEqualTo("CDLXSIDEGAP3METHODS");
        assertThat(Arrays.asList(header).subList(75, 79))
                .containsExactly("Volume_Spike", "Price_Breakout", "Support_Test", "Resistance_Break");
        assertThat(rows).hasSize(bars.bars().size() + 1);
        assertThat(rows.get(1)[0]).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(rows.get(1)[6]).as("RSI empty within its lookback").isEmpty();
        assertThat(rows.get(1)[14]).as("pattern empty within its lookback").isEmpty();

        double[] close = bars.bars().stream().mapToDouble(Bar::close).toArray();
        double[] rsi = new double[close.length];
        MInteger beg = new MInteger(), n = new MInteger();
        new Core().rsi(0, close.length - 1, close, 14, beg, n, rsi);
        for (int i = 0; i < n.value; i++) {
            assertThat(Double.parseDouble(rows.get(beg.value + i + 1)[6]))
                    .isCloseTo(rsi[i], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void readsBarCsvWithDatesOrDateTimesAndNamesTheBadLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("acme.csv");
        Files.writeString(
                csv,
                "timestamp,open,high,low,close,volume\n2024-06-03,10,11,9,10.5,1000\n2024-06-04,10.5,12,10,11,1500.0\n");
        Bars bars = BarInput.read(csv, null, false, n -> {});
        assertThat(bars.symbol()).isEqualTo("ACME");
        assertThat(bars.daily()).isTrue();
        assertThat(analyze(bars, "SMA:2").get(2)[6]).isEqualTo("10.75");

        Files.writeString(
                csv,
                "timestamp,open,high,low,close,volume\n2024-06-03T09:30:00,10,11,9,10.5,1000\n2024-06-03T09:31:00,10,x,9,10.5,1000\n");
        assertThatThrownBy(() -> BarInput.read(csv, null, false, n -> {}))
                .hasMessageContaining("acme.csv line 3")
                .hasMessageContaining("high must be a number, was 'x'");
        Path other = dir.resolve("notes.txt");
        Files.writeString(other, "hello\n");
        assertThatThrownBy(() -> BarInput.read(other, null, false, n -> {})).hasMessageContaining("unknown input");
    }

    @Test
    void aggregatesTicksAndMassiveTradesIntoMinuteBars() throws Exception {
        Bars spy = BarInput.read(MarketData.lean("tick/spy/20131008_trade.zip"), null, false, n -> {});
        assertThat(spy.bars()).hasSize(390);
        Bars msft = BarInput.read(
                MarketData.root().resolve("massive/us_stocks_sip/trades_v1/2023/03/2023-03-28.csv.gz"),
                "MSFT",
                true,
                n -> {});
        assertThat(msft.bars()).singleElement().satisfies(b -> {
            assertThat(b.open())
                    .as("only the trade with condition 12 alone updates prices")
                    .isEqualTo(276.75);
            assertThat(b.volume()).isEqualTo(331);
        });
    }
}
