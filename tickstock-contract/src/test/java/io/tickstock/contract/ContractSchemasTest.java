package io.tickstock.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.contract.Events.*;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {
    static final String T = "2013-10-08T13:31:00.000Z";
    static final String SID = "7d4b8a52-4a0e-4f6e-9a55-0b3a3c3d2e1f";

    @Test
    void everyCanonicalRecordValidatesOnItsChannel() {
        Bar bar =
                new Bar("SPY", T, "1min", 167.42, 167.52, 167.40, 167.50, 525757, 167.46, 1834, "regular", SID, false);
        PatternDetection det = new PatternDetection(
                "SPY",
                "Doji",
                0.85,
                T,
                "1min",
                "neutral",
                new BarData(1, 2, 0.5, 1, 100),
                Map.of("body_ratio", 0.01),
                Map.of("session_id", SID, "detection_method", "TA-Lib CDLDOJI", "pattern_id", SID));
        IndicatorCalculation calc =
                new IndicatorCalculation("SPY", "RSI", 72.5, Map.of("value", 72.5), T, "1min", Map.of("period", 14));
        Health health = new Health(
                "healthy",
                T,
                SID,
                4,
                "connected",
                new DataFlow(12.5, 4, 45),
                new ResourceUsage(12.0, 300, 20),
                new StaleSymbols(0, List.of()),
                List.of(),
                12.5,
                "vm-4121");
        IndicatorAlert alert = new IndicatorAlert(
                "SPY",
                "RSI_OVERBOUGHT",
                T,
                Map.of("indicator", "RSI", "value", 75.2, "threshold", 70, "direction", "above"),
                "warning",
                SID);
        Map<String, Object> cases = Map.ofEntries(
                Map.entry(
                        Channels.SESSION_STARTED,
                        new SessionStarted(T, new SessionStart(SID, "replay:lean", T, 4, "active", "replay"))),
                Map.entry(
                        Channels.SESSION_STOPPED, new SessionStopped(T, new SessionEnd(SID, T, 10, 5, 6, "completed"))),
                Map.entry(Channels.HEALTH, new HealthEvent(T, health)),
                Map.entry(Channels.PATTERNS_STREAMING, new PatternEvent(T, det)),
                Map.entry(Channels.PATTERNS_DETECTED, new PatternBatch(T, List.of(det))),
                Map.entry(Channels.INDICATORS_STREAMING, new IndicatorBatch(T, List.of(calc))),
                Map.entry(Channels.ALERTS_INDICATORS, new IndicatorAlertEvent(T, alert)),
                Map.entry(
                        Channels.ALERTS_CRITICAL,
                        new CriticalAlertEvent(
                                T, new CriticalAlert("critical", "Redis down", T, "redis", "start Redis", null))),
                Map.entry(
                        Channels.PERSISTENCE,
                        new PersistenceEvent(T, new PersistenceBatch("ohlcv_1min", 4, T, T, 3, SID))),
                Map.entry(Channels.BARS_STREAMING, BarEvent.correction(T, bar, 1)),
                Map.entry(
                        Channels.LEGACY_PATTERNS,
                        new LegacyEvents.PatternEvent(
                                1.5e9,
                                new LegacyEvents.PatternData(
                                        "SPY", "Doji", 0.85, SID, "intraday", 0.1, 167.5, 100, 1.5e9))),
                Map.entry(Channels.LEGACY_HEALTH, new LegacyEvents.HealthEvent(1.5e9, health)));
        cases.forEach((channel, event) -> assertThat(ContractSchemas.violations(channel, Json.write(event)))
                .as(channel)
                .isEmpty());
        assertThat(cases.keySet()).containsExactlyInAnyOrderElementsOf(Channels.ALL);
        assertThat(ContractSchemas.violations(
                        Channels.ENGINE_COMMANDS, Json.write(new SessionCommand(T, "start", "admin"))))
                .isEmpty();
        assertThat(ContractSchemas.violations(
                        Channels.ENGINE_COMMANDS, Json.write(new SessionCommand(T, "restart", "admin"))))
                .isNotEmpty();
    }

    @Test
    void aBacktestRequestAsItIsPublishedValidatesAndAReadOneRoundTrips() {
        BacktestRequest job = new BacktestRequest(
                "3f2c9a1e-8d4b-4c6a-9e1f-2b3c4d5e6f70",
                "admin",
                java.util.List.of("SPY", "IBM"),
                java.time.LocalDate.of(2013, 10, 7),
                java.time.LocalDate.of(2013, 10, 11),
                java.util.List.of("BullishEngulfing", "CDLHAMMER"),
                "1min",
                BacktestParameters.DEFAULTS,
                Adjustment.SPLIT);
        String text = job.toJson(1_700_000_000_000L, "test");
        assertThat(ContractSchemas.violations(Channels.JOBS_BACKTEST, text)).isEmpty();
        assertThat(BacktestRequest.parse(Json.read(text))).isEqualTo(job);
        assertThat(ContractSchemas.violations(
                        Channels.JOBS_CANCEL, "{\"type\":\"cancel_job\",\"job_id\":\"" + job.jobId() + "\"}"))
                .isEmpty();
        assertThat(ContractSchemas.violations(Channels.JOBS_BACKTEST, text.replace("\"1min\"", "\"hourly\"")))
                .isNotEmpty();
        assertThat(ContractSchemas.violations(Channels.JOBS_BACKTEST, text.replace("\"split\"", "\"dividends\"")))
                .isNotEmpty();
        assertThatThrownBy(() -> BacktestRequest.parse(Json.read(text.replace("\"split\"", "\"dividends\""))))
                .hasMessageStartingWith("parameters.adjustment");
        assertThat(BacktestRequest.parse(Json.read(text.replace(",\"adjustment\":\"split\"", "")))
                        .adjustment())
                .isEqualTo(Adjustment.ADJUSTED);
    }

    @Test
    void theBarBatchAsTheEngineWritesItValidatesAndReadsBack() throws Exception {
        Bar spy =
                new Bar("SPY", T, "1min", 167.42, 167.52, 167.40, 167.50, 525757, 167.46, 1834, "regular", SID, false);
        Bar ibm = new Bar("IBM", T, "1min", 180.1, 180.2, 180.0, 180.15, 1200, 180.12, 14, "regular", SID, true);
        String text = EventJson.barBatch(new Events.BarBatch(T, List.of(spy, ibm)));
        assertThat(ContractSchemas.violations(Channels.BARS_STREAMING, text)).isEmpty();
        assertThat(Json.MAPPER.readValue(text, Events.BarBatch.class))
                .isEqualTo(new Events.BarBatch(T, List.of(spy, ibm)));
        String empty = text.replaceFirst("\\[.*\\]", "[]");
        assertThat(ContractSchemas.violations(Channels.BARS_STREAMING, empty)).isNotEmpty();
    }

    @Test
    void aMessageMissingARequiredFieldIsReported() {
        String text = "{\"type\":\"streaming_pattern\",\"timestamp\":\"" + T + "\",\"detection\":{\"symbol\":\"SPY\"}}";
        assertThat(ContractSchemas.violations(Channels.PATTERNS_STREAMING, text))
                .isNotEmpty();
        assertThat(ContractSchemas.violations(Channels.HEALTH, text))
                .containsExactly("type streaming_pattern not allowed on " + Channels.HEALTH);
    }

    @Test
    void timestampsAreIsoUtcWithMilliseconds() {
        assertThat(IsoTime.format(1381239060000L)).isEqualTo("2013-10-08T13:31:00.000Z");
        assertThat(IsoTime.parseMillis("2013-10-08T13:31:00.000Z")).isEqualTo(1381239060000L);
    }
}
