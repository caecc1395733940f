package io.tickstock.app.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickstock.app.health.EngineLiveness;
import io.tickstock.app.health.EngineNotices;
import io.tickstock.app.subscriber.Inbound;
import io.tickstock.app.subscriber.SessionView;
import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches events for the browser without losing any pattern or alert. Patterns with confidence &ge; 0.8 go out
 * as soon as the dispatcher has drained the messages that arrived with them ({@link #drained}). Patterns are taken from
 * {@code tickstock:patterns:streaming} only: {@code tickstock:patterns:detected} repeats its high-confidence
 * ones and is counted, not forwarded twice. Sessions, health, critical alerts,
 * indicator alerts and patterns with confidence &ge; 0.8 go out at once; other patterns are batched
 * (at most {@code maxBatch} per frame, the rest in the following frames of the same flush); indicator values
 * coalesce to the latest per series (symbol + indicator + parameters) and bars to the latest per symbol and
 * minute within one interval. A pattern already delivered (same session, symbol, type and bar; e.g. reloaded
 * from PostgreSQL after a reconnect and then re-published) is counted as {@code pattern.duplicate} and not
 * sent again. Every item carries {@code published_at}, the engine's publication time, so a
 * client can measure latency. {@link Delivery} may drop patterns below a minimum confidence (counted as
 * {@code pattern.below_min_confidence}) and turn buffering off (every item at once, one frame each). {@link #accept} and {@link #drained} are called by the dispatcher thread; the buffer's
 * own thread renders and hands to the {@link Fanout} what goes out at once, in arrival order, and calls {@link #flush}
 * every {@code intervalMillis}, so the dispatcher goes on reading Redis while frames go out.
 */
public final class StreamingBuffer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingBuffer.class);
    public static final double IMMEDIATE_CONFIDENCE = 0.8;

    private final int maxBatch;
    private final Fanout fanout;
    private final LongSupplier clock;
    private final LiveState state;
    private final BufferStats stats;
    private final Delivery delivery;
    private final BufferThread sender;
    private final RecentPatterns recent = new RecentPatterns(100_000);
    private final UrgentItems urgent;
    /** Most at-once deliveries waiting for the buffer's thread; beyond it they are dropped and counted. */
    public static final int MAX_SENDS = BufferThread.MAX_SENDS;

    private final PendingBatch pending = new PendingBatch();
    private volatile Consumer<List<StreamItem.Pattern>> onPatternsDelivered = p -> {};

    /**
     * @param fanout the browsers; must not block
     * @param clock  wall clock, epoch ms
     */
    public StreamingBuffer(
            long intervalMillis, int maxBatch, Fanout fanout, LongSupplier clock, LiveState state, BufferStats stats) {
        this(intervalMillis, maxBatch, fanout, clock, state, stats, Delivery.DEFAULTS);
    }

    /**
     * @param fanout   the browsers; must not block
     * @param clock    wall clock, epoch ms
     * @param delivery the minimum pattern confidence forwarded and whether items are batched ({@link Delivery})
     */
    public StreamingBuffer(
            long intervalMillis,
            int maxBatch,
            Fanout fanout,
            LongSupplier clock,
            LiveState state,
            BufferStats stats,
            Delivery delivery) {
        this.delivery = delivery;
        this.stats = stats;
        this.maxBatch = maxBatch;
        this.fanout = fanout;
        this.clock = clock;
        this.state = state;
        this.sender = new BufferThread(intervalMillis, this::flush);
        this.urgent = new UrgentItems(maxBatch, fanout, clock, stats, p -> onPatternsDelivered.accept(p));
    }

    public StreamingBuffer start() {
        sender.start();
        return this;
    }

    /** Also hands every pattern sent to the browsers to {@code listener} (after the send; buffer or dispatcher thread). */
    public StreamingBuffer onPatternsDelivered(Consumer<List<StreamItem.Pattern>> listener) {
        this.onPatternsDelivered = listener;
        return this;
    }

    public BufferStats stats() {
        return stats;
    }

    /** Takes one event read or reloaded (dispatcher thread). */
    public void accept(Inbound e) {
        if (e.channel().equals(Channels.PATTERNS_DETECTED)) {
            stats.add("pattern_high_confidence_copy", "received", 1); // a copy of a pattern on the main channel
            return;
        }
        long at = e.publishedAtMillis();
        switch (e.event()) {
            case Inbound.SessionStarted(SessionView s) -> {
                state.sessionStarted(s);
                now("session", Frames.session(true, s));
            }
            case Inbound.SessionStopped(SessionView s) ->
                now("session", Frames.session(false, state.sessionStopped(s)));
            case Inbound.Health(ObjectNode h) -> {
                ObjectNode health = h.put("published_at", IsoTime.format(at)); // a fresh tree per message
                state.health(health, clock.getAsLong());
                now("health", Frames.health(health));
            }
            case Inbound.Critical(Events.CriticalAlert a) -> critical(new Frames.Stamped<>(a, IsoTime.format(at)));
            case Inbound.Alert(Events.IndicatorAlert a) -> alert(new StreamItem.Alert(a, at));
            case Inbound.Pattern p -> pattern(new StreamItem.Pattern(p.detection(), at), p.retracted());
            case Inbound.Indicator(Events.IndicatorCalculation c) -> indicator(new StreamItem.Indicator(c, at));
            case Inbound.Bar(Events.Bar b, Integer revision) -> bar(new StreamItem.Bar(b, revision, at));
            case Inbound.Persistence p -> stats.add("persistence", "received", 1);
            case Inbound.LegacyPattern p -> stats.add("legacy_pattern", "received", 1);
            case Inbound.LegacyHealth h -> stats.add("legacy_health", "received", 1);
            case Inbound.Backtest(String event, String owner, ObjectNode data) -> {
                if (owner != null) now(event, f -> f.sendTo(owner, Frames.frame(event, data))); // the owner's only
                else stats.add(event, "received", 1); // a job without an owner: no browser's
            }
        }
    }

    private void critical(Frames.Stamped<Events.CriticalAlert> alert) {
        state.critical(alert);
        now("critical_alert", Frames.frame("critical_alert", alert));
    }

    private void alert(StreamItem.Alert alert) {
        if (!recent.add(alert)) { // e.g. reloaded from PostgreSQL after a gap and also received
            stats.add("indicator_alert", "duplicate", 1);
            return;
        }
        state.alert(alert);
        if (!delivery.buffering()) {
            now("indicator_alert", alert, a -> Frames.frame("indicator_alert", a));
            return;
        }
        stats.add("indicator_alert", "received", 1);
        urgent.alert(alert); // sent when the dispatcher has drained what arrived with it: drained()
    }

    /** A pattern: at once when confident (see {@link #drained()}), else buffered; a retraction at once. */
    private void pattern(StreamItem.Pattern p, boolean retracted) {
        if (retracted) { // a bar correction removed it
            recent.remove(p);
            state.retract(p);
            now("pattern_retracted", p, d -> Frames.detection("streaming_pattern_retracted", d));
            return;
        }
        if (p.detection().confidence() < delivery.patternMinConfidence()) {
            stats.add("pattern", "below_min_confidence", 1);
            return;
        }
        if (!recent.add(p)) {
            stats.add("pattern", "duplicate", 1);
            return;
        }
        state.pattern(p);
        stats.add("pattern", "received", 1);
        if (!delivery.buffering() || p.detection().confidence() >= IMMEDIATE_CONFIDENCE) {
            urgent.pattern(p); // sent when the dispatcher has drained what arrived with it: drained()
        } else {
            pending.pattern(p);
        }
    }

    /** An indicator value, coalesced per series until the next flush. */
    private void indicator(StreamItem.Indicator value) {
        if (!delivery.buffering()) {
            now("indicator", value, v -> Frames.frame("streaming_indicator", Map.of("calculation", v)));
            return;
        }
        stats.add("indicator", "received", 1);
        if (pending.indicator(value)) stats.add("indicator", "coalesced", 1);
    }

    /** A bar or its correction, coalesced per symbol and minute until the next flush. */
    private void bar(StreamItem.Bar bar) {
        if (!delivery.buffering()) {
            now("bar", bar, b -> Frames.frame("streaming_bar", b));
            return;
        }
        stats.add("bar", "received", 1);
        if (pending.bar(bar)) stats.add("bar", "coalesced", 1);
    }

    private void now(String type, String frame) {
        drained(); // urgent patterns that arrived before this session/health/critical frame go first
        now(type, f -> f.broadcast(frame));
    }

    /** One frame handed to the browsers at once by {@code delivery} (on the buffer's thread), counted under {@code type}. */
    private void now(String type, Consumer<Fanout> delivery) {
        stats.add(type, "received", 1);
        send(type, 1, () -> {
            delivery.accept(fanout);
            stats.add(type, "delivered", 1);
        });
    }

    /** Queues an at-once delivery of {@code items} items; when the queue is full they are counted as dropped. */
    private void send(String type, int items, Runnable delivery) {
        if (!sender.offer(delivery)) {
            if (stats.add(type, "dropped", items) == items)
                LOG.error("the buffer's send queue is full ({} waiting): {} dropped", MAX_SENDS, type);
        }
    }

    /** One item of a subscribable stream at once. */
    private <T extends StreamItem> void now(String type, T item, Function<T, String> render) {
        now(type, f -> f.publish(item.stream(), List.of(item), items -> render.apply(items.getFirst())));
    }

    /** The engine's liveness changed (dispatcher thread): {@link EngineNotices} to every browser and the snapshot. */
    public void engine(EngineLiveness.Transition t) {
        long now = clock.getAsLong();
        EngineNotices.Status status = EngineNotices.status(t, now);
        state.engine(status);
        now("engine_status", Frames.frame("engine_status", status));
        Events.CriticalAlert alert = EngineNotices.alert(t, now);
        if (alert != null) critical(new Frames.Stamped<>(alert, IsoTime.format(now)));
    }

    /**
     * Sends what goes out at once, received since the last call: the patterns with confidence &ge; 0.8 (one
     * {@code streaming_pattern} frame, or {@code streaming_patterns_batch} frames of up to {@code maxBatch} when several
     * arrived together, as in a bar-close burst), then the indicator alerts (an {@code indicator_alert} frame each, or
     * one {@code indicator_alerts_batch} to clients whose {@link FrameFormat} batches them). The dispatcher calls it
     * whenever its queue is empty and at least every 256 messages, so "at once" costs no timer wait and a burst costs
     * few frames ({@link UrgentItems}). Dispatcher thread; the frames are rendered and sent by the buffer's thread.
     */
    public void drained() {
        urgent.drain(this::send);
    }

    /** Sends what is buffered: pattern batches, one indicator batch per {@code maxBatch} series, bars. */
    public void flush() {
        PendingBatch.Taken t = pending.take();
        if (t == null) return;
        long now = clock.getAsLong();
        send("pattern", "streaming_patterns_batch", "patterns", t.patterns(), now);
        if (!t.patterns().isEmpty()) onPatternsDelivered.accept(t.patterns());
        send("indicator", "streaming_indicators_batch", "indicators", t.indicators(), now);
        fanout.publishChunked( // one bar: streaming_bar; several: streaming_bars_batch
                "bar",
                t.bars(),
                maxBatch,
                part -> part.size() == 1
                        ? Frames.frame("streaming_bar", part.getFirst())
                        : Frames.batch("streaming_bars_batch", "bars", part, now));
        if (!t.bars().isEmpty()) stats.add("bar", "delivered", t.bars().size());
    }

    private <T extends StreamItem> void send(String type, String event, String field, List<T> items, long now) {
        fanout.publishChunked(type, items, maxBatch, part -> Frames.batch(event, field, part, now));
        if (!items.isEmpty()) stats.add(type, "delivered", items.size());
    }

    @Override
    public void close() {
        sender.close(); // what was queued runs here
        drained(); // the dispatcher has stopped
        sender.runQueued();
        flush();
    }
}
