package io.tickstock.app.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.app.subscriber.Inbound;
import io.tickstock.app.subscriber.SessionView;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchlistTest {
    final Watchlist watchlist = new Watchlist();

    static Inbound bar(String symbol, String minute, double open, double close) {
        return new Inbound(
                Channels.BARS_STREAMING,
                new Inbound.Bar(
                        new Events.Bar(
                                symbol,
                                "2025-10-05T14:" + minute + ":00.000Z",
                                "1min",
                                open,
                                Math.max(open, close),
                                Math.min(open, close),
                                close,
                                100,
                                close,
                                3,
                                "regular",
                                null,
                                false),
                        null),
                0);
    }

    static Inbound session(String id) {
        return new Inbound(
                Channels.SESSION_STARTED,
                new Inbound.SessionStarted(SessionView.of(Json.read("{\"session_id\":\"" + id + "\"}"))),
                0);
    }

    @Test
    void aRowHoldsTheLastPriceTheChangeSinceTheFirstBarTheRsiAndTheLatestPattern() {
        watchlist.accept(bar("SPY", "30", 100, 101));
        watchlist.accept(bar("SPY", "31", 101, 102));
        watchlist.accept(bar("SPY", "30", 100, 100.5)); // a correction of an older bar leaves the last price
        watchlist.accept(new Inbound(
                Channels.INDICATORS_STREAMING,
                new Inbound.Indicator(new Events.IndicatorCalculation(
                        "SPY",
                        "RSI",
                        71.5,
                        Map.of("value", 71.5),
                        "2025-10-05T14:31:00.000Z",
                        "1min",
                        Map.of("period", 14))),
                0));
        watchlist.accept(StreamingBufferTest.pattern("SPY", "Hammer", 0.7, "2025-10-05T14:31:00.000Z"));
        watchlist.accept(StreamingBufferTest.pattern("SPY", "Doji", 0.7, "2025-10-05T14:20:00.000Z")); // older
        Watchlist.Row spy = watchlist.rows().getFirst();
        assertThat(spy.last()).isEqualTo(102);
        assertThat(spy.sessionOpen()).isEqualTo(100);
        assertThat(spy.changePercent()).isEqualTo(2.0);
        assertThat(spy.rsi()).isEqualTo(71.5);
        assertThat(spy.pattern()).isEqualTo("Hammer");
    }

    @Test
    void aNewSessionStartsAnEmptyListTheRunningOneAgainDoesNot() {
        watchlist.accept(session("s1"));
        watchlist.accept(bar("SPY", "30", 100, 101));
        watchlist.accept(session("s1"));
        assertThat(watchlist.rows()).hasSize(1);
        watchlist.accept(session("s2"));
        assertThat(watchlist.rows()).isEmpty();
    }

    @Test
    void symbolsBeyondTheMostKeptAreRefusedAndCountedUntilTheNextSession() {
        Watchlist small = new Watchlist(3);
        for (String symbol : new String[] {"A", "B", "C", "D", "E"}) small.accept(bar(symbol, "30", 10, 11));
        small.accept(bar("A", "31", 11, 12));
        assertThat(small.rows()).extracting(Watchlist.Row::symbol).containsExactly("A", "B", "C");
        assertThat(small.rows().get(0).last()).as("a kept symbol still updates").isEqualTo(12);
        assertThat(small.refusedSymbols()).isEqualTo(2);
        small.accept(session("next"));
        small.accept(bar("E", "32", 10, 11));
        assertThat(small.rows()).extracting(Watchlist.Row::symbol).containsExactly("E");
    }
}
