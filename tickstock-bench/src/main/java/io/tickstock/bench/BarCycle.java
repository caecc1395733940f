package io.tickstock.bench;

import io.tickstock.engine.bars.Bar;
import java.io.IOException;

/** Every real minute bar of {@link BenchData#minuteBars()}, handed out in order and from the start again. Not thread-safe (one per JMH thread state). */
final class BarCycle {
    private final Bar[] bars;
    private int next;

    BarCycle() throws IOException {
        this.bars = BenchData.minuteBars();
    }

    Bar next() {
        Bar b = bars[next];
        next = next + 1 == bars.length ? 0 : next + 1;
        return b;
    }
}
