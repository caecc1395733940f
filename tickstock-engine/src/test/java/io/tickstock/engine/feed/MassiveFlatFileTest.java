package io.tickstock.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.engine.MarketData;
import io.tickstock.engine.bars.TradeConditions;
import io.tickstock.engine.bars.TradeUpdates;
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
        assertThat(trades.get(1).updates()).as("12 alone: extended hours update minute bars").isEqualTo(TradeUpdates.ALL);
        assertThat(MassiveFlatFile.looksLike(SAMPLE)).isTrue();
    }

    @Test
    void malformedLinesAreCountedAndSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("2023-03-28.csv");
        Files.writeString(file, MassiveFlatFile.HEADER + "\n"
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
        assertThatThrownBy(() -> new MassiveFlatFile(bad, null, TradeConditions.bundled())).hasMessageContaining("not a Massive trades flat file");
    }
}
