package io.tickstock.engine.publish;

import io.tickstock.contract.Channels;
import io.tickstock.contract.EventJson;
import io.tickstock.contract.Events;
import io.tickstock.engine.indicators.Indicator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * the integration contract's opt-in batch forms (engine {@code --batch-events}): the indicator values and patterns of one bar close
 * as {@code streaming_indicators_batch} / {@code streaming_patterns_batch} messages of up to {@value #BATCH} items
 * (high-confidence patterns also in a batch on {@link Channels#PATTERNS_DETECTED}), sent when full and at the end of the
 * close ({@link #flush}). The indicator batch is written as text straight from the indicators ({@link IndicatorJson}).
 * Not thread-safe: the shard thread.
 */
final class BatchPublisher {
    static final int BATCH = 50;

    private final CommandSink publisher;
    private final Supplier<String> now;
    private final IndicatorJson indicatorJson;
    private final StringBuilder indicators = new StringBuilder(1 << 14);
    private int indicatorCount;
    private String indicatorTime = ""; // the open batch's timestamp
    private final List<Events.PatternDetection> patterns = new ArrayList<>(), detected = new ArrayList<>();

    /** @param now the wall clock as ISO text */
    BatchPublisher(CommandSink publisher, Supplier<String> now, IndicatorJson indicatorJson) {
        this.publisher = publisher;
        this.now = now;
        this.indicatorJson = indicatorJson;
    }

    /** Adds one indicator value; {@code quotedSymbol} and {@code quotedTime} are JSON string literals. */
    void indicator(String quotedSymbol, Indicator i, String quotedTime) {
        if (indicatorCount == 0) {
            indicatorTime = now.get();
            indicators.append("{\"type\":\"streaming_indicators_batch\",\"timestamp\":");
            EventJson.string(indicators, indicatorTime).append(",\"indicators\":[");
        } else {
            indicators.append(',');
        }
        indicatorJson.calculation(indicators, quotedSymbol, i, quotedTime);
        if (++indicatorCount == BATCH) sendIndicators();
    }

    /** Adds one pattern ({@code highConfidence}: also to the detected channel's batch). */
    void pattern(Events.PatternDetection d, boolean highConfidence) {
        patterns.add(d);
        if (highConfidence) detected.add(d);
        if (patterns.size() == BATCH) sendPatterns();
    }

    /** Sends what the bar close produced so far. */
    void flush() {
        if (indicatorCount > 0) sendIndicators();
        if (!patterns.isEmpty()) sendPatterns();
    }

    /** Closes the open indicator batch ({@code count}, {@code batch_timestamp} = its {@code timestamp}) and publishes it. */
    private void sendIndicators() {
        indicators.append("],\"count\":").append(indicatorCount).append(",\"batch_timestamp\":");
        EventJson.string(indicators, indicatorTime).append('}');
        publisher.send(RedisCommand.publish(Channels.INDICATORS_STREAMING, indicators.toString()));
        indicators.setLength(0);
        indicatorCount = 0;
    }

    private void sendPatterns() {
        String time = now.get();
        publisher.send(RedisCommand.publish(
                Channels.PATTERNS_STREAMING,
                EventJson.patternBatch(new Events.PatternBatch(time, List.copyOf(patterns)))));
        if (!detected.isEmpty()) {
            publisher.send(RedisCommand.publish(
                    Channels.PATTERNS_DETECTED,
                    EventJson.patternBatch(new Events.PatternBatch(time, List.copyOf(detected)))));
        }
        patterns.clear();
        detected.clear();
    }
}
