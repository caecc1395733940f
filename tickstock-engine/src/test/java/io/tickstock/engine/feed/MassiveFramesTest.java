package io.tickstock.engine.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.engine.trades.Trade;
import io.tickstock.engine.trades.TradeConditions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trades the tables could not hold are counted at the decoder and never reach the bars or SQL. */
class MassiveFramesTest {
    @Test
    void tradesOutsideTheContractAreMalformedAndTheRestOfTheFrameIsRead() {
        List<Trade> trades = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        MassiveFrames.Sink sink = new MassiveFrames.Sink() {
            @Override
            public void onTrade(Trade trade, long sequence) {
                trades.add(trade);
            }

            @Override
            public void onStatus(String status, String message) {}

            @Override
            public void onMalformed(String reason) {
                malformed.add(reason);
            }
        };
        new MassiveFrames(TradeConditions.bundled()).decode("""
                [{"ev":"T","sym":"MSFT","p":114.125,"s":100,"t":1536036818784,"q":1},
                 {"ev":"T","sym":"ABRpD","p":20.5,"s":100,"t":1536036818785,"q":2},
                 {"ev":"T","sym":"TOOLONGSYMBOL","p":20.5,"s":100,"t":1536036818785,"q":3},
                 {"ev":"T","sym":"IBM","p":1e12,"s":100,"t":1536036818786,"q":4},
                 {"ev":"T","sym":"IBM","p":150.0,"s":100000000000000,"t":1536036818786,"q":5},
                 {"ev":"T","sym":"IBM","p":150.0,"s":10,"t":-5,"q":6},
                 {"ev":"T","sym":"IBM","p":150.25,"s":10,"t":1536036818787,"q":7}]""", sink);
        assertThat(trades).extracting(Trade::symbol).containsExactly("MSFT", "IBM");
        assertThat(malformed).hasSize(5);
        assertThat(malformed.get(0)).contains("contract's form");
        assertThat(malformed.get(2)).contains("out of range");
    }
}
