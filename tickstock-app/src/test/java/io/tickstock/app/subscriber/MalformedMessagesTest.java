package io.tickstock.app.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickstock.contract.Channels;
import io.tickstock.contract.Events;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader refuses, with a reason naming the field, every message the browsers or PostgreSQL could choke on,
 * and still reads the seeds' own loose test messages.
 */
class MalformedMessagesTest {
    static final long NOW = 1_700_000_123_456L; // 2023-11-14T22:15:23.456Z
    final MessageReader reader = new MessageReader(() -> NOW);

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '§', textBlock = """
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"pattern_type":"Doji","confidence":0.9}} § missing detection.symbol
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"symbol":"spy","pattern_type":"Doji","confidence":0.9}} § detection.symbol: not a symbol
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"symbol":"ABCDEFGHIJK","pattern_type":"Doji","confidence":0.9}} § detection.symbol: not a symbol
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"symbol":"SPY","pattern_type":"Doji","confidence":"high"}} § detection.confidence: not a number in [0, 1]
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"symbol":"SPY","pattern_type":"Doji","confidence":7}} § detection.confidence: not a number in [0, 1]
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"symbol":"SPY","pattern_type":"Doji","confidence":0.9,"timestamp":"yesterday"}} § detection.timestamp: not an ISO-8601 time
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"symbol":"SPY","pattern_type":{"a":1},"confidence":0.9}} § detection.pattern_type: not a text
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"symbol":"SPY","pattern_type":"Doji","confidence":0.9,"direction":"up"}} § detection.direction: not one of
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":{"symbol":"SPY","pattern_type":"Doji","confidence":0.9,"metadata":{"flow_id":"x"}}} § detection.metadata.flow_id: not a UUID
            tickstock:patterns:streaming § {"type":"streaming_pattern","detection":"Doji"} § detection is not an object
            tickstock:patterns:streaming § [1,2,3] § not a JSON object
            tickstock:patterns:streaming § {"type":"streaming_pattern" § invalid JSON
            tickstock:patterns:streaming § {"a":1} trailing § invalid JSON
            tickstock:indicators:streaming § {"type":"streaming_indicator","calculation":{"symbol":"SPY","indicator":"RSI","value":"72"}} § calculation.value: not a number
            tickstock:alerts:indicators § {"type":"indicator_alert","alert":{"symbol":"SPY","alert_type":"RSI_OVERBOUGHT","timestamp":"soon"}} § alert.timestamp: not an ISO-8601 time
            tickstock:alerts:indicators § {"type":"indicator_alert","alert":{"symbol":"SPY","alert_type":"RSI_OVERBOUGHT"}} § missing alert.timestamp
            tickstock:alerts:critical § {"type":"critical_alert","alert":{"severity":"critical"}} § missing alert.message
            tickstock:alerts:critical § {"type":"critical_alert","alert":{"message":"x","severity":"apocalyptic"}} § alert.severity: not one of
            tickstock:streaming:health § {"type":"streaming_health","health":{"status":"fine"}} § health.status: not one of
            tickstock:streaming:health § {"type":"streaming_health","health":{"status":"healthy","data_flow":"fast"}} § health.data_flow: not an object
            tickstock:streaming:health § {"type":"streaming_health","health":{"status":"healthy","issues":[{"x":1}]}} § health.issues: not texts
            tickstock:streaming:health § {"type":"streaming_health","health":{"status":"healthy","timestamp":"2025-13-45T99:00:00Z"}} § health.timestamp: not an ISO-8601 time
            tickstock:bars:streaming § {"type":"streaming_bar","bar":{"symbol":"SPY","timestamp":"2025-10-05T10:15:00.000Z","open":1,"high":1,"low":1,"close":1e12}} § bar.close: not a price
            tickstock:bars:streaming § {"type":"streaming_bar","bar":{"symbol":"SPY","open":1,"high":1,"low":1,"close":1}} § missing bar.timestamp
            tickstock:streaming:session_started § {"type":"streaming_session_started","session":{"universe":"x"}} § missing session.session_id
            tickstock:streaming:session_started § {"type":"streaming_session_started","session":{"session_id":"s","started_at":"noon"}} § session.started_at: not an ISO-8601 time
            tickstock.events.patterns § {"event_type":"pattern_detected","data":{"symbol":"SPY","pattern":"Doji","flow_id":"not-a-uuid"}} § data.flow_id: not a UUID
            """)
    void refusedWithAReasonNamingTheField(String channel, String json, String reason) {
        assertThatThrownBy(() -> reader.read(channel, json))
                .isInstanceOf(UnreadableMessage.class)
                .hasMessageContaining(reason);
    }

    static Events.PatternDetection detection(List<Inbound> read) {
        return ((Inbound.Pattern) read.getFirst().event()).detection();
    }

    @Test
    void anIndicatorWithoutAScalarValueTakesItsFirstOutputAndOneWithNoneIsRefused() throws Exception {
        List<Inbound> e = reader.read(
                Channels.INDICATORS_STREAMING,
                "{\"type\":\"streaming_indicator\",\"calculation\":{\"symbol\":\"SPY\",\"indicator\":\"MACD\","
                        + "\"values\":{\"macd\":0.5,\"macdsignal\":0.25,\"macdhist\":0.25}}}");
        Events.IndicatorCalculation c = ((Inbound.Indicator) e.getFirst().event()).calculation();
        assertThat(c.value()).isEqualTo(0.5);
        assertThat(c.values()).containsOnlyKeys("macd", "macdsignal", "macdhist");
        assertThatThrownBy(
                        () -> reader.read(
                                Channels.INDICATORS_STREAMING,
                                "{\"type\":\"streaming_indicator\",\"calculation\":{\"symbol\":\"SPY\",\"indicator\":\"RSI\"}}"))
                .hasMessage("missing calculation.value");
    }

    @Test
    void aBarCorrectionWithoutItsRevisionIsTheFirstAndMissingFieldsGetTheContractsDefaults() throws Exception {
        List<Inbound> e = reader.read(
                Channels.BARS_STREAMING,
                "{\"type\":\"streaming_bar_correction\",\"bar\":{\"symbol\":\"SPY\","
                        + "\"timestamp\":\"2025-10-05T14:15:00Z\",\"open\":1,\"high\":2,\"low\":0.5,\"close\":1.5,\"volume\":10}}");
        Inbound.Bar bar = (Inbound.Bar) e.getFirst().event();
        assertThat(bar.revision()).isEqualTo(1);
        assertThat(bar.bar().timeframe()).isEqualTo("1min");
        assertThat(bar.bar().session()).isEqualTo("regular");
        assertThat(bar.bar().vwap()).isEqualTo(1.5);
        assertThat(bar.bar().timestamp()).isEqualTo("2025-10-05T14:15:00.000Z");
    }

    @Test
    void aBarBatchGivesEachBarAndABadBarIsRefusedAlone() throws Exception {
        List<String> refused = new ArrayList<>();
        List<Inbound> e = reader.read(Channels.BARS_STREAMING, """
                {"type":"streaming_bars_batch","timestamp":"2025-10-05T14:16:00.010Z","bars":[
                  {"symbol":"SPY","timestamp":"2025-10-05T14:15:00.000Z","open":1,"high":2,"low":0.5,"close":1.5,"volume":10},
                  {"symbol":"IBM","timestamp":"2025-10-05T14:15:00.000Z","open":1,"high":1,"low":1,"close":1e12},
                  {"symbol":"BAC","timestamp":"2025-10-05T14:15:00.000Z","open":3,"high":3,"low":3,"close":3,"volume":1}],
                 "count":3,"batch_timestamp":"2025-10-05T14:16:00.010Z"}""", refused::add);
        assertThat(e).extracting(i -> ((Inbound.Bar) i.event()).bar().symbol()).containsExactly("SPY", "BAC");
        assertThat(e)
                .allSatisfy(
                        i -> assertThat(((Inbound.Bar) i.event()).revision()).isNull());
        assertThat(refused).containsExactly("bar.close: not a price in (0, 1e10)");
    }

    @Test
    void deeplyNestedAndOversizedMessagesAreRefusedCheaply() {
        String deep = "{\"type\":\"streaming_pattern\",\"detection\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";
        assertThatThrownBy(() -> reader.read(Channels.PATTERNS_STREAMING, deep)).hasMessage("invalid JSON");
        String huge =
                "{\"type\":\"critical_alert\",\"alert\":{\"message\":\"" + "x".repeat(MessageReader.MAX_CHARS) + "\"}}";
        assertThatThrownBy(() -> reader.read(Channels.ALERTS_CRITICAL, huge)).hasMessageContaining("larger than");
    }

    @Test
    void theSeedsTestMessagesWithoutBarTimesGetThePublicationMinute() throws Exception {
        // seeds/002's redis-cli example: no timestamp anywhere
        List<Inbound> e = reader.read(
                Channels.PATTERNS_STREAMING,
                "{\"type\":\"streaming_pattern\",\"detection\":{\"symbol\":\"TEST\",\"pattern_type\":\"Doji\",\"confidence\":0.9}}");
        assertThat(detection(e).timestamp()).isEqualTo("2023-11-14T22:15:00.000Z");
        assertThat(detection(e).direction()).isEqualTo("neutral");
        assertThat(detection(e).timeframe()).isEqualTo("1min");
        assertThat(detection(e).barData()).isNull();
        // seeds/000's test script: Python's utcnow().isoformat() (no offset, microseconds), session "test-session"
        e = reader.read(
                Channels.PATTERNS_STREAMING,
                "{\"event\":\"pattern_detected\",\"session_id\":\"test-session\","
                        + "\"timestamp\":\"2025-01-24T10:15:30.123456\",\"detection\":{\"pattern_type\":\"Hammer\",\"symbol\":\"AAPL\","
                        + "\"confidence\":0.85,\"timeframe\":\"1min\"}}");
        assertThat(detection(e).timestamp()).isEqualTo("2025-01-24T10:15:00.000Z");
        assertThat(detection(e).metadata()).containsEntry("session_id", "test-session");
        assertThat(e.getFirst().publishedAtMillis())
                .isEqualTo(io.tickstock.contract.IsoTime.parseMillis("2025-01-24T10:15:30.123Z"));
        e = reader.read(
                Channels.ALERTS_INDICATORS,
                "{\"alert_type\":\"RSI_OVERBOUGHT\",\"symbol\":\"TSLA\","
                        + "\"timestamp\":\"2025-01-24T10:15:30.123456\",\"data\":{\"rsi\":75.5}}");
        assertThat(((Inbound.Alert) e.getFirst().event()).alert().timestamp())
                .as("rewritten in the contract's form")
                .isEqualTo("2025-01-24T10:15:30.123Z");
    }

    @Test
    void aBadItemOfABatchIsRefusedAloneAndTheOthersRead() throws Exception {
        List<String> refused = new ArrayList<>();
        List<Inbound> e = reader.read(Channels.PATTERNS_STREAMING, """
                {"type":"streaming_patterns_batch","patterns":[
                  {"symbol":"SPY","pattern_type":"Doji","confidence":0.5,"timestamp":"2025-10-05T10:15:00.000Z"},
                  {"symbol":"SPY","pattern_type":"Doji","confidence":"x"},
                  {"symbol":"IBM","pattern_type":"Hammer","confidence":0.7,"timestamp":"2025-10-05T10:15:00.000Z"}]}""", refused::add);
        assertThat(e).extracting(i -> detection(List.of(i)).symbol()).containsExactly("SPY", "IBM");
        assertThat(refused).containsExactly("detection.confidence: not a number in [0, 1]");
    }
}
