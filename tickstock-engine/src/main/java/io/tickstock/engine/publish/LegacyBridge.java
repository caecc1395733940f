package io.tickstock.engine.publish;

import io.tickstock.contract.Channels;
import io.tickstock.contract.EventJson;
import io.tickstock.contract.Events;
import io.tickstock.contract.IntegrationLog;
import io.tickstock.contract.LegacyEvents;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.store.HistoryRow;
import io.tickstock.engine.store.RowSink;
import java.util.HashMap;
import java.util.Map;

/**
 * The legacy side of every pattern (the contract's "Legacy pattern envelope"): the {@code pattern_detected}
 * envelope on {@link Channels#LEGACY_PATTERNS} with {@code price_change} (the bar's close against the symbol's previous
 * close, percent) and the {@code flow_id} also in the canonical pattern's metadata, and its {@code PATTERN_PUBLISHED}
 * row of the integration log. Not thread-safe: the shard thread.
 */
final class LegacyBridge {
    private final Map<String, Double> lastClose = new HashMap<>(), priceChangePercent = new HashMap<>();

    /** Follows each closed bar's close (also while re-warming), for {@code price_change}. */
    void followClose(Bar bar) {
        Double prev = lastClose.put(bar.symbol(), bar.close());
        priceChangePercent.put(
                bar.symbol(), prev == null || prev == 0 ? 0.0 : Math.round((bar.close() - prev) / prev * 1e6) / 1e4);
    }

    /** Publishes the envelope of {@code d} and writes its integration-log row; {@code publishedAt} in epoch ms. */
    void pattern(
            Bar bar,
            Events.PatternDetection d,
            String flowId,
            long publishedAt,
            CommandSink publisher,
            RowSink writer) {
        double change = priceChangePercent.getOrDefault(bar.symbol(), 0.0);
        LegacyEvents.PatternEvent event = new LegacyEvents.PatternEvent(
                publishedAt / 1000.0,
                new LegacyEvents.PatternData(
                        bar.symbol(),
                        d.patternType(),
                        d.confidence(),
                        flowId,
                        "intraday",
                        change,
                        bar.close(),
                        bar.volume(),
                        bar.startMillis() / 1000.0));
        publisher.send(RedisCommand.publish(Channels.LEGACY_PATTERNS, EventJson.legacyPattern(event)));
        writer.write(new HistoryRow.IntegrationEvent(
                flowId,
                "pattern_detected",
                IntegrationLog.PRODUCER,
                IntegrationLog.PATTERN_PUBLISHED,
                Channels.LEGACY_PATTERNS,
                bar.symbol(),
                d.patternType(),
                d.confidence(),
                null,
                "{\"tier\":\"intraday\",\"timestamp\":" + publishedAt / 1000.0 + "}",
                publishedAt));
    }
}
