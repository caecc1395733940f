package io.tickstock.engine.publish;

import io.tickstock.contract.Channels;
import io.tickstock.contract.EventJson;
import io.tickstock.contract.Events;
import io.tickstock.contract.IntegrationLog;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSeries;
import io.tickstock.engine.patterns.Detection;
import io.tickstock.engine.pipeline.AnalyticsListener;
import io.tickstock.engine.session.StreamingSession;
import io.tickstock.engine.store.HistoryRow;
import io.tickstock.engine.store.RowSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Turns analytics results into the contract's events and history rows: every closed bar
 * ({@code streaming_bar}), every indicator value ({@code streaming_indicator}), every pattern
 * ({@code streaming_pattern}; also on the high-confidence channel at &ge; 0.8, and in the legacy envelope
 * whose {@code flow_id}, also in the pattern's metadata, is logged as {@code PATTERN_PUBLISHED}), every alert
 * ({@code indicator_alert}). Indicator values are published as superseding values of their series (they
 * coalesce while Redis is unavailable); everything else must be delivered. Top-level timestamps are the wall
 * clock at publication. Runs on the shard thread; hands everything to the publisher and writer queues without
 * blocking.
 */
public final class EventEmitter implements AnalyticsListener {
    /** Patterns at or above this confidence also go to {@link Channels#PATTERNS_DETECTED}. */
    public static final double HIGH_CONFIDENCE = 0.8;

    private final CommandSink publisher;
    private final RowSink writer;
    private final EngineStats stats;
    private final LongSupplier clock;
    private final Map<String, Double> lastClose = new HashMap<>();
    private final Map<String, Double> priceChangePercent = new HashMap<>();
    private volatile StreamingSession session;
    /** Batch mode: what this bar close published so far, sent by {@link #onBarsClosed} or at {@value #BATCH} items. */
    private final boolean batch;
    /** Batch mode: the open {@code streaming_indicators_batch} message's text, {@code indicatorCount} items so far. */
    private final StringBuilder indicatorBatch = new StringBuilder(1 << 14);
    private int indicatorCount;
    private String indicatorBatchTime;
    private final List<Events.PatternDetection> patternBatch = new ArrayList<>(), detectedBatch = new ArrayList<>();
    static final int BATCH = 50;
    private final IndicatorJson indicatorJson = new IndicatorJson();
    private final StringBuilder scratch = new StringBuilder(512);
    /** The last times formatted: a bar close formats the same bar start and the same wall-clock ms many times. */
    private long nowMillis = Long.MIN_VALUE, barMillis = Long.MIN_VALUE;
    private String nowText, barText, barQuoted;

    /** One message per indicator value and pattern. @param clock wall clock, epoch ms */
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
        this.publisher = publisher;
        this.writer = writer;
        this.stats = stats;
        this.clock = clock;
        this.batch = batch;
    }

    /** Sets the session events are attributed to (null between sessions). */
    public void session(StreamingSession session) {
        this.session = session;
    }

    private String sessionId() {
        StreamingSession s = session;
        return s == null ? null : s.id();
    }

    /** The wall clock as ISO-8601 UTC text (the same string while the ms is the same). */
    private String now() {
        long ms = clock.getAsLong();
        if (ms != nowMillis) {
            nowMillis = ms;
            nowText = IsoTime.format(ms);
        }
        return nowText;
    }

    /** A bar start as ISO-8601 UTC text (the same string for every symbol of one bar close). */
    private String barTime(long startMillis) {
        if (startMillis != barMillis) {
            barMillis = startMillis;
            barText = IsoTime.format(startMillis);
            barQuoted = IndicatorJson.quoted(barText);
        }
        return barText;
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
            @Override public void onBar(Bar bar) {
                followClose(bar);
                if (writeRows) writer.write(new HistoryRow.Bar(eventBar(bar), bar.startMillis()));
            }
            @Override public void onIndicators(Bar bar, List<Indicator> ready) {
                if (!writeRows) return;
                String time = IsoTime.format(bar.startMillis()), sid = sessionId();
                for (Indicator i : ready) writer.write(new HistoryRow.Indicator(calculation(bar, i, time), i.series().key(), sid, bar.startMillis()));
            }
            @Override public void onPattern(Bar bar, Detection d) {
                if (writeRows) writer.write(new HistoryRow.Pattern(detection(bar, d, metadata(sessionId(), d)), sessionId(), bar.startMillis()));
            }
            @Override public void onAlert(Bar bar, Alert alert) {}
        };
    }

    private void followClose(Bar bar) {
        Double prev = lastClose.put(bar.symbol(), bar.close());
        priceChangePercent.put(bar.symbol(), prev == null || prev == 0 ? 0.0 : Math.round((bar.close() - prev) / prev * 1e6) / 1e4);
    }

    @Override
    public void onBar(Bar bar) {
        stats.bars.incrementAndGet();
        followClose(bar);
        Events.Bar b = eventBar(bar);
        publish(Channels.BARS_STREAMING, EventJson.bar(Events.BarEvent.closed(now(), b)));
        writer.write(new HistoryRow.Bar(b, bar.startMillis()));
    }

    @Override
    public void onBarCorrection(Bar bar, int revision) {
        Events.Bar b = eventBar(bar);
        publish(Channels.BARS_STREAMING, EventJson.bar(Events.BarEvent.correction(now(), b, revision)));
        writer.write(new HistoryRow.Bar(b, bar.startMillis()));
    }

    @Override
    public void onPatternRetracted(Bar bar, Detection d) {
        String sid = sessionId();
        Map<String, Object> metadata = metadata(sid, d);
        metadata.put("retracted", true);
        Events.PatternDetection detection = detection(bar, d, metadata);
        publish(Channels.PATTERNS_STREAMING, EventJson.pattern(new Events.PatternEvent(now(), detection)));
        writer.write(new HistoryRow.PatternRetracted(sid, bar.symbol(), d.patternType(), bar.startMillis()));
    }

    @Override
    public void onIndicators(Bar bar, List<Indicator> ready) {
        String time = barTime(bar.startMillis()), quotedTime = barQuoted, sid = sessionId();
        String quotedSymbol = IndicatorJson.quoted(bar.symbol());
        for (Indicator i : ready) {
            if (batch) {
                if (indicatorCount == 0) {
                    indicatorBatchTime = now();
                    indicatorBatch.append("{\"type\":\"streaming_indicators_batch\",\"timestamp\":");
                    EventJson.string(indicatorBatch, indicatorBatchTime).append(",\"indicators\":[");
                } else {
                    indicatorBatch.append(',');
                }
                indicatorJson.calculation(indicatorBatch, quotedSymbol, i, quotedTime);
                if (++indicatorCount == BATCH) sendIndicators();
            } else {
                StringBuilder b = scratch;
                b.setLength(0);
                b.append("{\"type\":\"streaming_indicator\",\"timestamp\":");
                EventJson.string(b, now()).append(",\"calculation\":");
                indicatorJson.calculation(b, quotedSymbol, i, quotedTime).append('}');
                publisher.send(RedisCommand.publishLatest(Channels.INDICATORS_STREAMING, b.toString(), bar.symbol() + '|' + i.series().key()));
            }
            writer.write(new HistoryRow.Indicator(calculation(bar, i, time), i.series().key(), sid, bar.startMillis()));
            if (session != null) session.countIndicator();
        }
    }

    @Override
    public void onPattern(Bar bar, Detection d) {
        String sid = sessionId();
        Map<String, Object> metadata = metadata(sid, d);
        String flowId = randomUuid();
        metadata.put("flow_id", flowId);
        Events.PatternDetection detection = detection(bar, d, metadata);
        if (batch) {
            patternBatch.add(detection);
            if (detection.confidence() >= HIGH_CONFIDENCE) detectedBatch.add(detection);
            if (patternBatch.size() == BATCH) sendPatterns();
        } else {
            String event = EventJson.pattern(new Events.PatternEvent(now(), detection));
            publish(Channels.PATTERNS_STREAMING, event);
            if (detection.confidence() >= HIGH_CONFIDENCE) publish(Channels.PATTERNS_DETECTED, event);
        }
        long publishedAt = clock.getAsLong();
        stats.patterns.incrementAndGet();
        stats.lastPatternMillis.set(publishedAt);
        publish(Channels.LEGACY_PATTERNS, EventJson.legacyPattern(legacy(bar, detection, flowId, publishedAt)));
        writer.write(new HistoryRow.Pattern(detection, sid, bar.startMillis()));
        writer.write(new HistoryRow.IntegrationEvent(flowId, "pattern_detected", IntegrationLog.PRODUCER,
                IntegrationLog.PATTERN_PUBLISHED, Channels.LEGACY_PATTERNS, bar.symbol(), d.patternType(), detection.confidence(),
                null, "{\"tier\":\"intraday\",\"timestamp\":" + publishedAt / 1000.0 + "}", publishedAt));
        if (session != null) session.countPattern();
    }

    /** Batch mode: sends what this bar close produced. Shard thread. */
    @Override
    public void onBarsClosed() {
        if (indicatorCount > 0) sendIndicators();
        if (!patternBatch.isEmpty()) sendPatterns();
    }

    /** Closes the open indicator batch ({@code count}, {@code batch_timestamp} = its {@code timestamp}) and publishes it. */
    private void sendIndicators() {
        indicatorBatch.append("],\"count\":").append(indicatorCount).append(",\"batch_timestamp\":");
        EventJson.string(indicatorBatch, indicatorBatchTime).append('}');
        publish(Channels.INDICATORS_STREAMING, indicatorBatch.toString());
        indicatorBatch.setLength(0);
        indicatorCount = 0;
    }

    private void sendPatterns() {
        String now = now();
        publish(Channels.PATTERNS_STREAMING, EventJson.patternBatch(new Events.PatternBatch(now, List.copyOf(patternBatch))));
        if (!detectedBatch.isEmpty()) {
            publish(Channels.PATTERNS_DETECTED, EventJson.patternBatch(new Events.PatternBatch(now, List.copyOf(detectedBatch))));
        }
        patternBatch.clear();
        detectedBatch.clear();
    }

    private Events.LegacyPatternEvent legacy(Bar bar, Events.PatternDetection d, String flowId, long publishedAt) {
        double change = priceChangePercent.getOrDefault(bar.symbol(), 0.0);
        double barTime = bar.startMillis() / 1000.0;
        return new Events.LegacyPatternEvent(publishedAt / 1000.0, new Events.LegacyPatternData(bar.symbol(),
                d.patternType(), d.confidence(), flowId, "intraday", change, bar.close(),
                bar.volume(), barTime));
    }

    @Override
    public void onAlert(Bar bar, Alert a) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("indicator", a.indicator());
        data.put("value", a.value());
        data.put("threshold", a.threshold());
        data.put("direction", a.direction());
        Events.IndicatorAlert alert = new Events.IndicatorAlert(bar.symbol(), a.type().name(),
                barTime(bar.startMillis()), data, a.severity(), sessionId());
        publish(Channels.ALERTS_INDICATORS, EventJson.alert(new Events.IndicatorAlertEvent(now(), alert)));
        writer.write(new HistoryRow.Alert(alert, bar.startMillis())); // so a consumer that was away reloads it
        stats.alerts.incrementAndGet();
    }

    /** The record for the history row (and the rewarming path). @param time the bar start, ISO text */
    private static Events.IndicatorCalculation calculation(Bar bar, Indicator i, String time) {
        IndicatorSeries s = i.series();
        return new Events.IndicatorCalculation(bar.symbol(), s.name(), i.value(), i.values(), time, "1min", s.parameters());
    }

    private Events.Bar eventBar(Bar bar) {
        return new Events.Bar(bar.symbol(), barTime(bar.startMillis()), "1min", bar.open(), bar.high(),
                bar.low(), bar.close(), bar.volume(), bar.vwap(), bar.tradeCount(), bar.session().label, sessionId(), bar.filled());
    }

    private Events.PatternDetection detection(Bar bar, Detection d, Map<String, Object> metadata) {
        return new Events.PatternDetection(bar.symbol(), d.patternType(), round4(d.confidence()),
                barTime(bar.startMillis()), "1min", d.direction(),
                new Events.BarData(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()), d.parameters(), metadata);
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: pattern and flow ids must be unique, not
     * unpredictable, and {@link UUID#randomUUID()}'s SecureRandom cost a microsecond per id on the bar-close path.
     */
    static String randomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong() & ~0xF000L | 0x4000L, r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    }

    /** session_id, detection method, a fresh pattern_id. */
    private static Map<String, Object> metadata(String sid, Detection d) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (sid != null) metadata.put("session_id", sid);
        describe(metadata, d);
        metadata.put("pattern_id", randomUuid());
        return metadata;
    }

    /** detection_method plus the TA-Lib function and output for candlestick patterns, the rule for price patterns. */
    private static void describe(Map<String, Object> metadata, Detection d) {
        if (d.function().startsWith("CDL")) {
            metadata.put("detection_method", "TA-Lib " + d.function());
            metadata.put("talib_function", d.function());
            metadata.put("talib_output", d.output());
        } else {
            metadata.put("detection_method", "TickStock price rule " + d.function());
            metadata.put("rule_output", d.output());
        }
    }

    private static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
