package io.tickstock.engine.publish;

import io.tickstock.contract.Channels;
import io.tickstock.contract.EventJson;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.patterns.Detection;
import io.tickstock.engine.pipeline.AnalyticsListener;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.HistoryRow;
import io.tickstock.engine.store.RowSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns analytics results into the contract's events and history rows: the closed bars of each bar close
 * (one {@code streaming_bars_batch}, split every {@value #MAX_BARS_PER_MESSAGE} bars), every indicator value ({@code streaming_indicator}), every pattern
 * ({@code streaming_pattern}; also on the high-confidence channel at &ge; 0.8, and in the legacy envelope
 * whose {@code flow_id}, also in the pattern's metadata, is logged as {@code PATTERN_PUBLISHED}), every alert
 * ({@code indicator_alert}). Indicator values are published as superseding values of their series (they
 * coalesce while Redis is unavailable); everything else must be delivered. Top-level timestamps are the wall
 * clock at publication. The records come from {@link ContractMapper}, batch messages from {@link BatchPublisher}, the
 * legacy envelope from {@link LegacyBridge}. Runs on the shard thread; hands everything to the publisher and writer
 * queues without blocking.
 */
public final class EventEmitter implements AnalyticsListener {
    /** Patterns at or above this confidence also go to {@link Channels#PATTERNS_DETECTED}. */
    public static final double HIGH_CONFIDENCE = 0.8;
    /** Most items in one batch message ({@code --batch-events}). */
    public static final int BATCH = BatchPublisher.BATCH;
    /** Most bars in one {@code streaming_bars_batch} (a close of more symbols goes out in several, ~300 KB each). */
    public static final int MAX_BARS_PER_MESSAGE = 1_000;

    private final CommandSink publisher;
    private final RowSink writer;
    private final EngineStats stats;
    private final LongSupplier clock;
    private final ContractMapper mapper;
    private final LegacyBridge legacy = new LegacyBridge();
    private final IndicatorJson indicatorJson = new IndicatorJson();
    /** Batch mode's accumulator, or null when every value and pattern is its own message. */
    private final @Nullable BatchPublisher batch;

    private final StringBuilder scratch = new StringBuilder(512);
    /** The bars of the current close, sent as one batch by {@link #onBarsClosed}. */
    private final List<Events.Bar> closedBars = new ArrayList<>();

    /** Shared with {@link #sibling()}s: one session for every shard. */
    private final AtomicReference<@Nullable StreamingSession> sessionRef;

    private final boolean batchMode;

    /** One message per indicator value and pattern; {@code clock} is the wall clock in epoch ms. */
    public EventEmitter(CommandSink publisher, RowSink writer, EngineStats stats, LongSupplier clock) {
        this(publisher, writer, stats, clock, false);
    }

    /**
     * @param clock wall clock, epoch ms
     * @param batch the indicator values and patterns of a bar close go out as {@code streaming_indicators_batch} /
     *              {@code streaming_patterns_batch} messages of up to {@value #BATCH} (bars, alerts and the legacy
     *              envelope stay single messages)
     */
    public EventEmitter(CommandSink publisher, RowSink writer, EngineStats stats, LongSupplier clock, boolean batch) {
        this(publisher, writer, stats, clock, batch, new AtomicReference<>());
    }

    private EventEmitter(
            CommandSink publisher,
            RowSink writer,
            EngineStats stats,
            LongSupplier clock,
            boolean batch,
            AtomicReference<@Nullable StreamingSession> sessionRef) {
        this.sessionRef = sessionRef;
        this.batchMode = batch;
        this.publisher = publisher;
        this.writer = writer;
        this.stats = stats;
        this.clock = clock;
        this.mapper = new ContractMapper(clock);
        this.batch = batch ? new BatchPublisher(publisher, mapper::now, indicatorJson) : null;
    }

    /** Sets the session events are attributed to (null between sessions), for this emitter and its siblings. */
    public void session(@Nullable StreamingSession session) {
        sessionRef.set(session);
    }

    /**
     * An emitter for another analytics shard: the same publisher, writer, statistics, clock, mode and session, its own
     * per-thread state (JSON buffers, batches, the legacy price change of its symbols). Any thread; the sibling then
     * belongs to its shard thread.
     */
    public EventEmitter sibling() {
        return new EventEmitter(publisher, writer, stats, clock, batchMode, sessionRef);
    }

    /**
     * A {@link #sibling()} with a session of its own, {@code session} (null: none): a partition of the trade log that
     * may be in another session than the engine's other partitions for a moment (scale-out). Any thread.
     */
    public EventEmitter sibling(@Nullable StreamingSession session) {
        return new EventEmitter(publisher, writer, stats, clock, batchMode, new AtomicReference<>(session));
    }

    private @Nullable String sessionId() {
        StreamingSession s = sessionRef.get();
        return s == null ? null : s.id();
    }

    /** @param json the event's text ({@link EventJson} on the bar-close path: no reflection) */
    private void publish(String channel, String json) {
        publisher.send(RedisCommand.publish(channel, json));
    }

    /**
     * A listener for re-warming after a restart (nothing is published): it follows each bar's close for the
     * legacy price change and, with {@code writeRows}, writes the bar's rows again (idempotent: rows that
     * exist stay as they are, rows the interrupted engine did not get to write are added). Shard thread.
     */
    public AnalyticsListener rewarming(boolean writeRows) {
        return new AnalyticsListener() {
            @Override
            public void onBar(Bar bar) {
                legacy.followClose(bar);
                if (writeRows) writer.write(new HistoryRow.Bar(mapper.bar(bar, sessionId()), bar.startMillis()));
            }

            @Override
            public void onIndicators(Bar bar, List<Indicator> ready) {
                if (!writeRows) return;
                String time = IsoTime.format(bar.startMillis()), sid = sessionId();
                for (Indicator i : ready) {
                    writer.write(new HistoryRow.Indicator(
                            ContractMapper.calculation(bar, i, time), i.series().key(), sid, bar.startMillis()));
                }
            }

            @Override
            public void onPattern(Bar bar, Detection d) {
                if (!writeRows) return;
                writer.write(new HistoryRow.Pattern(
                        mapper.detection(bar, d, ContractMapper.metadata(sessionId(), d)),
                        sessionId(),
                        bar.startMillis()));
            }

            @Override
            public void onAlert(Bar bar, Alert alert) {}
        };
    }

    @Override
    public void onBar(Bar bar) {
        stats.bars.incrementAndGet();
        legacy.followClose(bar);
        Events.Bar b = mapper.bar(bar, sessionId());
        closedBars.add(b); // published with the rest of this close in onBarsClosed
        if (closedBars.size() == MAX_BARS_PER_MESSAGE) sendBars();
        writer.write(new HistoryRow.Bar(b, bar.startMillis()));
    }

    @Override
    public void onBarCorrection(Bar bar, int revision) {
        Events.Bar b = mapper.bar(bar, sessionId());
        publish(Channels.BARS_STREAMING, EventJson.bar(Events.BarEvent.correction(mapper.now(), b, revision)));
        writer.write(new HistoryRow.Bar(b, bar.startMillis()));
    }

    @Override
    public void onPatternRetracted(Bar bar, Detection d) {
        String sid = sessionId();
        Map<String, Object> metadata = ContractMapper.metadata(sid, d);
        metadata.put("retracted", true);
        publish(
                Channels.PATTERNS_STREAMING,
                EventJson.pattern(new Events.PatternEvent(mapper.now(), mapper.detection(bar, d, metadata))));
        writer.write(new HistoryRow.PatternRetracted(sid, bar.symbol(), d.patternType(), bar.startMillis()));
        StreamingSession session = sessionRef.get();
        if (session != null) session.uncountPattern();
    }

    @Override
    public void onIndicators(Bar bar, List<Indicator> ready) {
        indicators(bar, ready, true);
    }

    /** Published and written like new values, not counted again in the session's totals (their rows are replaced). */
    @Override
    public void onIndicatorsRevised(Bar bar, List<Indicator> revised) {
        indicators(bar, revised, false);
    }

    private void indicators(Bar bar, List<Indicator> ready, boolean added) {
        String time = mapper.barTime(bar.startMillis()), quotedTime = mapper.barQuoted(), sid = sessionId();
        String quotedSymbol = IndicatorJson.quoted(bar.symbol());
        for (Indicator i : ready) {
            if (batch != null) {
                batch.indicator(quotedSymbol, i, quotedTime);
            } else {
                StringBuilder b = scratch;
                b.setLength(0);
                b.append("{\"type\":\"streaming_indicator\",\"timestamp\":");
                EventJson.string(b, mapper.now()).append(",\"calculation\":");
                indicatorJson.calculation(b, quotedSymbol, i, quotedTime).append('}');
                publisher.send(RedisCommand.publishLatest(
                        Channels.INDICATORS_STREAMING,
                        b.toString(),
                        bar.symbol() + '|' + i.series().key()));
            }
            writer.write(new HistoryRow.Indicator(
                    ContractMapper.calculation(bar, i, time), i.series().key(), sid, bar.startMillis()));
            StreamingSession session = sessionRef.get();
            if (session != null && added) session.countIndicator();
        }
    }

    @Override
    public void onPattern(Bar bar, Detection d) {
        pattern(bar, d, true);
    }

    /** Published and written like a new detection, not counted again in the session's totals (its row is replaced). */
    @Override
    public void onPatternRevised(Bar bar, Detection d) {
        pattern(bar, d, false);
    }

    private void pattern(Bar bar, Detection d, boolean added) {
        String sid = sessionId();
        Map<String, Object> metadata = ContractMapper.metadata(sid, d);
        String flowId = ContractMapper.randomUuid();
        metadata.put("flow_id", flowId);
        Events.PatternDetection detection = mapper.detection(bar, d, metadata);
        boolean high = detection.confidence() >= HIGH_CONFIDENCE;
        if (batch != null) {
            batch.pattern(detection, high);
        } else {
            String event = EventJson.pattern(new Events.PatternEvent(mapper.now(), detection));
            publish(Channels.PATTERNS_STREAMING, event);
            if (high) publish(Channels.PATTERNS_DETECTED, event);
        }
        long publishedAt = clock.getAsLong();
        stats.patterns.incrementAndGet();
        stats.lastPatternMillis.set(publishedAt);
        writer.write(new HistoryRow.Pattern(detection, sid, bar.startMillis()));
        legacy.pattern(bar, detection, flowId, publishedAt, publisher, writer);
        StreamingSession session = sessionRef.get();
        if (session != null && added) session.countPattern();
    }

    /**
     * Sends what this bar close produced: its bars as one {@code streaming_bars_batch} on {@link
     * Channels#BARS_STREAMING} (after the close's indicator values and patterns), and in batch mode the open batches.
     * Shard thread.
     */
    @Override
    public void onBarsClosed() {
        if (batch != null) batch.flush();
        if (!closedBars.isEmpty()) sendBars();
    }

    private void sendBars() {
        publish(
                Channels.BARS_STREAMING,
                EventJson.barBatch(new Events.BarBatch(mapper.now(), List.copyOf(closedBars))));
        closedBars.clear();
    }

    @Override
    public void onAlert(Bar bar, Alert a) {
        Events.IndicatorAlert alert = mapper.alert(bar, a, sessionId());
        publish(Channels.ALERTS_INDICATORS, EventJson.alert(new Events.IndicatorAlertEvent(mapper.now(), alert)));
        writer.write(new HistoryRow.Alert(alert, bar.startMillis())); // so a consumer that was away reloads it
        stats.alerts.incrementAndGet();
    }
}
