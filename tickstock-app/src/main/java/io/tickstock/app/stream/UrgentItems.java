package io.tickstock.app.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The {@link StreamingBuffer}'s items that go out at once — patterns with confidence &ge; 0.8 and indicator alerts —
 * collected on the dispatcher thread until it has drained the messages that arrived with them, then handed to the
 * buffer's thread as one delivery each: the patterns as one {@code streaming_pattern} frame or
 * {@code streaming_patterns_batch} frames of up to {@code maxBatch}, the alerts as an {@code indicator_alert} frame each
 * or one {@code indicator_alerts_batch} ({@link Fanout#publishEach}). A bar close's burst thus costs a few frames
 * instead of one per alert, and no timer wait. Not thread-safe: {@link #pattern}, {@link #alert} and {@link #drain} on
 * the dispatcher thread.
 */
final class UrgentItems {
    /** Queues a delivery of {@code items} items of {@code type} for the buffer's thread. */
    interface Sends {
        void send(String type, int items, Runnable delivery);
    }

    private final int maxBatch;
    private final Fanout fanout;
    private final LongSupplier clock;
    private final BufferStats stats;
    private final Consumer<List<StreamItem.Pattern>> onPatternsDelivered;
    private List<StreamItem.Pattern> patterns = new ArrayList<>(); // handed on whole at each drain
    private List<StreamItem.Alert> alerts = new ArrayList<>();

    /**
     * @param clock               wall clock, epoch ms (a batch frame's time)
     * @param onPatternsDelivered called on the buffer's thread with the patterns just handed to the browsers
     */
    UrgentItems(
            int maxBatch,
            Fanout fanout,
            LongSupplier clock,
            BufferStats stats,
            Consumer<List<StreamItem.Pattern>> onPatternsDelivered) {
        this.maxBatch = maxBatch;
        this.fanout = fanout;
        this.clock = clock;
        this.stats = stats;
        this.onPatternsDelivered = onPatternsDelivered;
    }

    void pattern(StreamItem.Pattern p) {
        patterns.add(p);
    }

    void alert(StreamItem.Alert a) {
        alerts.add(a);
    }

    /** Hands what was collected to {@code sends}, patterns first, and starts over. */
    void drain(Sends sends) {
        if (!patterns.isEmpty()) sendPatterns(sends);
        if (!alerts.isEmpty()) sendAlerts(sends);
    }

    private void sendPatterns(Sends sends) {
        List<StreamItem.Pattern> p = patterns;
        patterns = new ArrayList<>();
        sends.send("pattern", p.size(), () -> {
            long now = clock.getAsLong();
            fanout.publishChunked(
                    "pattern",
                    p,
                    maxBatch,
                    part -> part.size() == 1
                            ? Frames.detection("streaming_pattern", part.getFirst())
                            : Frames.batch("streaming_patterns_batch", "patterns", part, now));
            stats.add("pattern", "delivered", p.size());
            onPatternsDelivered.accept(p);
        });
    }

    private void sendAlerts(Sends sends) {
        List<StreamItem.Alert> a = alerts;
        alerts = new ArrayList<>();
        sends.send("indicator_alert", a.size(), () -> {
            long now = clock.getAsLong();
            fanout.publishEach(
                    "alert",
                    a,
                    one -> Frames.frame("indicator_alert", one),
                    all -> Frames.batch("indicator_alerts_batch", "alerts", all, now));
            stats.add("indicator_alert", "delivered", a.size());
        });
    }
}
