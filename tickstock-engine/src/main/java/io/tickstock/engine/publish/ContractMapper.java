package io.tickstock.engine.publish;

import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import io.tickstock.engine.alerts.Alert;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSeries;
import io.tickstock.engine.patterns.Detection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Analytics results as the contract's records (the integration contract): a {@link Bar} as {@code bar}, a {@link Detection} as
 * {@code detection} with its metadata (session, detection method, TA-Lib function and output or price rule, a fresh
 * {@code pattern_id}), an {@link Indicator} as {@code calculation}, an {@link Alert} as {@code alert}. Times are the
 * contract's ISO text, formatted once per distinct millisecond (a bar close formats the same bar start and wall-clock
 * ms many times). Not thread-safe: one per shard thread.
 */
final class ContractMapper {
    private final LongSupplier clock;
    private long nowMillis = Long.MIN_VALUE, barMillis = Long.MIN_VALUE;
    private String nowText = "", barText = "", barQuoted = ""; // for nowMillis and barMillis

    /** @param clock wall clock, epoch ms */
    ContractMapper(LongSupplier clock) {
        this.clock = clock;
    }

    /** The wall clock as ISO-8601 UTC text. */
    String now() {
        long ms = clock.getAsLong();
        if (ms != nowMillis) {
            nowMillis = ms;
            nowText = IsoTime.format(ms);
        }
        return nowText;
    }

    /** A bar start as ISO-8601 UTC text. */
    String barTime(long startMillis) {
        if (startMillis != barMillis) {
            barMillis = startMillis;
            barText = IsoTime.format(startMillis);
            barQuoted = IndicatorJson.quoted(barText);
        }
        return barText;
    }

    /** The last {@link #barTime} as a JSON string literal. */
    String barQuoted() {
        return barQuoted;
    }

    Events.Bar bar(Bar bar, @Nullable String sessionId) {
        return new Events.Bar(
                bar.symbol(),
                barTime(bar.startMillis()),
                "1min",
                bar.open(),
                bar.high(),
                bar.low(),
                bar.close(),
                bar.volume(),
                bar.vwap(),
                bar.tradeCount(),
                bar.session().label,
                sessionId,
                bar.filled());
    }

    Events.PatternDetection detection(Bar bar, Detection d, Map<String, Object> metadata) {
        return new Events.PatternDetection(
                bar.symbol(),
                d.patternType(),
                round4(d.confidence()),
                barTime(bar.startMillis()),
                "1min",
                d.direction(),
                new Events.BarData(bar.open(), bar.high(), bar.low(), bar.close(), bar.volume()),
                d.parameters(),
                metadata);
    }

    /** The record for the history row (and the rewarming path); {@code time} is the bar start as ISO text. */
    static Events.IndicatorCalculation calculation(Bar bar, Indicator i, String time) {
        IndicatorSeries s = i.series();
        return new Events.IndicatorCalculation(
                bar.symbol(), s.name(), i.value(), i.values(), time, "1min", s.parameters());
    }

    Events.IndicatorAlert alert(Bar bar, Alert a, @Nullable String sessionId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("indicator", a.indicator());
        data.put("value", a.value());
        data.put("threshold", a.threshold());
        data.put("direction", a.direction());
        return new Events.IndicatorAlert(
                bar.symbol(), a.type().name(), barTime(bar.startMillis()), data, a.severity(), sessionId);
    }

    /** session_id, detection method, a fresh pattern_id. */
    static Map<String, Object> metadata(@Nullable String sessionId, Detection d) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (sessionId != null) metadata.put("session_id", sessionId);
        if (d.function().startsWith("CDL")) {
            metadata.put("detection_method", "TA-Lib " + d.function());
            metadata.put("talib_function", d.function());
            metadata.put("talib_output", d.output());
        } else {
            metadata.put("detection_method", "TickStock price rule " + d.function());
            metadata.put("rule_output", d.output());
        }
        metadata.put("pattern_id", randomUuid());
        return metadata;
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: pattern and flow ids must be unique, not
     * unpredictable, and {@link UUID#randomUUID()}'s SecureRandom cost a microsecond per id on the bar-close path.
     */
    static String randomUuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    private static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
