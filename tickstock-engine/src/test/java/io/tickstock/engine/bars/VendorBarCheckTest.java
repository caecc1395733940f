package io.tickstock.engine.bars;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.feed.MassiveFrames;
import io.tickstock.engine.trades.TradeConditions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VendorBarCheckTest {
    static Bar bar(String sym, long start, double close, long volume) {
        return new Bar(sym, start, 10, 11, 9, close, volume, close, 1, MarketSession.REGULAR);
    }

    @Test
    void comparesWhicheverArrivesFirst() {
        VendorBarCheck check = new VendorBarCheck();
        check.onOurs(bar("A", 0, 10, 100));
        check.onTheirs(bar("A", 0, 10, 100)); // equal
        check.onTheirs(bar("A", 60_000, 10.5, 120));
        check.onOurs(bar("A", 60_000, 10.4, 120)); // same volume, other close
        check.onOurs(bar("B", 60_000, 10, 1)); // no partner
        assertThat(check.compared()).isEqualTo(2);
        assertThat(check.sameVolume()).isEqualTo(2);
        assertThat(check.sameOhlc()).isEqualTo(1);
        assertThat(check.summary()).isEqualTo("2 minutes compared: volume equal 100.0%, OHLC equal 50.0%");
    }

    @Test
    void decodesMassiveMinuteAggregates() {
        List<Bar> got = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        new MassiveFrames(TradeConditions.bundled())
                .decode(
                        "[{\"ev\":\"AM\",\"sym\":\"MSFT\",\"v\":4110,\"av\":9470157,\"op\":255.12,"
                                + "\"vw\":255.0949,\"o\":255.095,\"c\":255.09,\"h\":255.11,\"l\":255.07,\"a\":253.9,\"z\":48,\"s\":1610144640000,\"e\":1610144700000},"
                                + "{\"ev\":\"AM\",\"sym\":\"MSFT\"}]",
                        new MassiveFrames.Sink() {
                            @Override
                            public void onTrade(io.tickstock.engine.trades.Trade trade, long sequence) {}

                            @Override
                            public void onStatus(String status, String message) {}

                            @Override
                            public void onAggregate(Bar b) {
                                got.add(b);
                            }

                            @Override
                            public void onMalformed(String reason) {
                                bad.add(reason);
                            }
                        });
        assertThat(got).singleElement().satisfies(b -> {
            assertThat(b.startMillis()).isEqualTo(1_610_144_640_000L);
            assertThat(b.close()).isEqualTo(255.09);
            assertThat(b.volume()).isEqualTo(4110);
        });
        assertThat(bad).containsExactly("aggregate event missing sym, o, h, l, c, v or s");
    }
}
