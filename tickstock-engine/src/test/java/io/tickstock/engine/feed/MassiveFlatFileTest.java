package io.tickstock.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import io.tickstock.engine.trades.TradeUpdates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MassiveFlatFileTest {
    static final Path SAMPLE = MarketData.root().resolve("massive/us_stocks_sip/trades_v1/2023/03/2023-03-28.csv.gz");

    @Test
    void readsThePublishedSample() throws Exception {
        List<Trade> trades = new ArrayList<>();
        try (MassiveFlatFile f = new MassiveFlatFile(SAMPLE, "MSFT", TradeConditions.bundled())) {
            for (Trade t; (t = f.next()) != null; ) trades.add(t);
            assertThat(f.malformed()).isZero();
        }
        assertThat(trades).hasSize(10);
        Trade first = trades.get(0);
        assertThat(first.symbol()).isEqualTo("MSFT");
        assertThat(first.price()).isEqualTo(276.16);
        assertThat(first.size()).isEqualTo(55);
        assertThat(first.timeMillis()).isEqualTo(1_679_990_400_018L);
        assertThat(first.updates()).as("12,37: odd lot updates volume only").isEqualTo(TradeUpdates.VOLUME);
        assertThat(trades.get(1).updates())
                .as("12 alone: extended hours update minute bars")
                .isEqualTo(TradeUpdates.ALL);
        assertThat(MassiveFlatFile.looksLike(SAMPLE)).isTrue();
    }

    @Test
    void malformedLinesAreCountedAndSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2023-03-28.csv");
        Files.writeString(
                file,
                MassiveFlatFile.HEADER + "\n"
                        + "MSFT,,,11,1,0,abc,1,1679990400018381329,55,3,,0\n"
                        + "MSFT,\"12\",,11,1,0,10.5,1,1679990400018381329,55,3,,0\n"
                        + "MSFT,short\n");
        try (MassiveFlatFile f = new MassiveFlatFile(file, null, TradeConditions.bundled())) {
            assertThat(f.next().price()).isEqualTo(10.5);
            assertThat(f.next()).isNull();
            assertThat(f.malformed()).isEqualTo(2);
        }
        Path bad = dir.resolve("x.csv");
        Files.writeString(bad, "a,b\n");
        assertThatThrownBy(() -> new MassiveFlatFile(bad, null, TradeConditions.bundled()))
                .hasMessageContaining("not a Massive trades flat file");
    }

    @Test
    void aMultiTickerFileReplaysInTimeOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2023-03-28.csv");
        Files.writeString(
                file,
                MassiveFlatFile.HEADER + "\n"
                        + "AAPL,,,11,1,0,10.0,1,1679990400000000000,1,3,,0\n"
                        + "AAPL,,,11,2,0,10.1,2,1679990402000000000,1,3,,0\n"
                        + "MSFT,,,11,1,0,20.0,1,1679990401000000000,1,3,,0\n"
                        + "MSFT,,,11,2,0,20.1,2,1679990403000000000,1,3,,0\n"
                        + "ZZZ,,,11,1,0,30.0,1,1679990399000000000,1,3,,0\n");
        List<String> order = new ArrayList<>();
        try (TradeSource all = MassiveFlatFile.timeOrdered(file, null, TradeConditions.bundled())) {
            for (Trade t; (t = all.next()) != null; ) order.add(t.symbol() + " " + t.price());
        }
        assertThat(order).containsExactly("ZZZ 30.0", "AAPL 10.0", "MSFT 20.0", "AAPL 10.1", "MSFT 20.1");
        try (TradeSource msft = MassiveFlatFile.timeOrdered(file, List.of("MSFT"), TradeConditions.bundled())) {
            assertThat(msft.next().price()).isEqualTo(20.0);
            assertThat(msft.next().price()).isEqualTo(20.1);
            assertThat(msft.next()).isNull();
        }
    }
}
