package io.tickstock.app.stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tickstock.contract.Events;
import io.tickstock.contract.IsoTime;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item of a stream a browser subscribes to by symbol ({@link Subscription#STREAMS}), as it goes out: the
 * contract's object with the engine's publication time added as {@code published_at} (ISO-8601 UTC), so a client can
 * measure latency. {@link #key} is the item's identity: a later item with the same key supersedes or repeats it.
 * Immutable.
 */
public sealed interface StreamItem {
    /** The stream's name in a subscription. */
    @JsonIgnore
    String stream();

    @JsonIgnore
    String symbol();

    /** Equal for items that describe the same thing (the same pattern, series value or bar). */
    @JsonIgnore
    Object key();

    /** A detection; its key is session, symbol, pattern type and bar start. */
    record Pattern(@JsonUnwrapped Events.PatternDetection detection, String publishedAt) implements StreamItem {
        public Pattern(Events.PatternDetection detection, long publishedAtMillis) {
            this(detection, IsoTime.format(publishedAtMillis));
        }

        @Override
        public String stream() {
            return "pattern";
        }

        @Override
        public String symbol() {
            return detection.symbol();
        }

        @Override
        public Object key() {
            Object sid = detection.metadata().get("session_id");
            return String.valueOf(sid)
                    + '|'
                    + detection.symbol()
                    + '|'
                    + detection.patternType()
                    + '|'
                    + detection.timestamp();
        }
    }

    /** An indicator value; its key is the series (symbol, TA-Lib name, parameters). */
    record Indicator(@JsonUnwrapped Events.IndicatorCalculation calculation, String publishedAt) implements StreamItem {
        private record Series(String symbol, String indicator, Map<String, Object> parameters) {}

        public Indicator(Events.IndicatorCalculation calculation, long publishedAtMillis) {
            this(calculation, IsoTime.format(publishedAtMillis));
        }

        @Override
        public String stream() {
            return "indicator";
        }

        @Override
        public String symbol() {
            return calculation.symbol();
        }

        @Override
        public Object key() {
            return new Series(calculation.symbol(), calculation.indicator(), calculation.metadata());
        }
    }

    /** An indicator alert; its key is session, symbol, alert type and time. */
    record Alert(@JsonUnwrapped Events.IndicatorAlert alert, String publishedAt) implements StreamItem {
        public Alert(Events.IndicatorAlert alert, long publishedAtMillis) {
            this(alert, IsoTime.format(publishedAtMillis));
        }

        @Override
        public String stream() {
            return "alert";
        }

        @Override
        public String symbol() {
            return alert.symbol();
        }

        @Override
        public Object key() {
            return alert.sessionId() + '|' + alert.symbol() + "|alert:" + alert.alertType() + '|' + alert.timestamp();
        }
    }

    /** A bar or its correction ({@code revision} set); its key is symbol and bar start. */
    record Bar(
            @JsonUnwrapped Events.Bar bar,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            Integer revision,

            String publishedAt)
            implements StreamItem {
        public Bar(Events.Bar bar, @Nullable Integer revision, long publishedAtMillis) {
            this(bar, revision, IsoTime.format(publishedAtMillis));
        }

        @Override
        public String stream() {
            return "bar";
        }

        @Override
        public String symbol() {
            return bar.symbol();
        }

        @Override
        public Object key() {
            return bar.symbol() + '|' + bar.timestamp();
        }
    }
}
