package io.tickstock.app.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.contract.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
    static StreamItem item(String symbol) {
        return StreamingBufferTest.bar(symbol);
    }

    @Test
    void streamsAreAllOrChosenSymbols() throws Exception {
        Subscription s = Subscription.parse(Json.read(
                "{\"action\":\"subscribe\",\"streams\":{\"pattern\":\"*\",\"bar\":[\"SPY\",\"BRK.B\",\"SPY.2\"]}}"));
        assertThat(s.filter("pattern", List.of(item("SPY"), item("IBM")))).hasSize(2);
        assertThat(s.filter("bar", List.of(item("SPY"), item("IBM"), item("SPY.2"))))
                .extracting(StreamItem::symbol)
                .containsExactly("SPY", "SPY.2");
        assertThat(s.filter("indicator", List.of(item("SPY"))))
                .as("not subscribed")
                .isEmpty();
        assertThat(s.symbols("bar")).containsExactlyInAnyOrder("SPY", "BRK.B", "SPY.2");
    }

    @Test
    void aBadSubscribeNamesItsParameter() {
        assertThatThrownBy(() -> Subscription.parse(Json.read("{\"streams\":[]}")))
                .isInstanceOf(Subscription.Invalid.class)
                .extracting(e -> ((Subscription.Invalid) e).parameter())
                .isEqualTo("streams");
        assertThatThrownBy(() -> Subscription.parse(Json.read("{\"streams\":{\"news\":\"*\"}}")))
                .extracting(e -> ((Subscription.Invalid) e).parameter())
                .isEqualTo("streams.news");
        assertThatThrownBy(() -> Subscription.parse(Json.read("{\"streams\":{\"bar\":[\"spy\"]}}")))
                .hasMessageContaining("[A-Z][A-Z0-9.]{0,9}")
                .extracting(e -> ((Subscription.Invalid) e).parameter())
                .isEqualTo("streams.bar");
    }
}
