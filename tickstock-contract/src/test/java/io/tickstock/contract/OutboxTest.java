package io.tickstock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OutboxTest {
    /** An item: a series key (null = must be kept) and a value. */
    record Item(String series, int value) {}

    @Test
    void whenFullSupersededValuesCoalesceAndEventsAreKeptUntilTheLimit() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        List<Item> delivered = new CopyOnWriteArrayList<>();
        List<Boolean> outages = new CopyOnWriteArrayList<>();
        Outbox<Item> outbox = new Outbox<>(
                        "test",
                        10,
                        100,
                        Item::series,
                        batch -> {
                            if (down.get()) throw new IllegalStateException("receiver down");
                            delivered.addAll(batch);
                        },
                        (isDown, reason) -> outages.add(isDown))
                .start();

        for (int bar = 0; bar < 50; bar++) {
            outbox.offer(new Item("RSI|SPY", bar));
            outbox.offer(new Item("SMA|SPY", bar));
            if (bar % 10 == 0) outbox.offer(new Item(null, bar)); // a pattern: kept
        }
        for (int i = 0; i < 20; i++) outbox.offer(new Item(null, 1000 + i)); // more patterns than room
        await().atMost(Duration.ofSeconds(5)).until(outbox::isDown);
        down.set(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.pending() == 0 && !outbox.isDown());
        outbox.close();

        List<Item> patterns = delivered.stream().filter(i -> i.series() == null).toList();
        assertThat(patterns).extracting(Item::value).startsWith(0, 10, 20, 30, 40, 1000);
        assertThat(patterns.size() + outbox.dropped()).isEqualTo(25);
        assertThat(outbox.dropped()).isPositive();
        assertThat(delivered.stream()
                        .filter(i -> "RSI|SPY".equals(i.series()))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .value())
                .as(delivered.toString())
                .isEqualTo(49);
        assertThat(outbox.coalesced()).isPositive();
        assertThat(outages).containsExactly(true, false);
    }

    @Test
    void deliversInOrderWhenTheReceiverKeepsUp() throws Exception {
        List<Item> delivered = new CopyOnWriteArrayList<>();
        Outbox<Item> outbox = new Outbox<>("test", 1_000, 7, Item::series, delivered::addAll, (d, r) -> {}).start();
        for (int i = 0; i < 500; i++) outbox.offer(new Item(i % 2 == 0 ? null : "S" + i, i));
        outbox.close();
        assertThat(delivered)
                .extracting(Item::value)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 500).boxed().toList());
        assertThat(outbox.dropped()).isZero();
    }
}
