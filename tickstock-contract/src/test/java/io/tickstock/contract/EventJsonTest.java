package io.tickstock.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link EventJson} writes exactly the text Jackson ({@link Json#write}) writes, for 2,000 random events of each kind. */
class EventJsonTest {
    private final SplittableRandom random = new SplittableRandom(11);

    /** The few-decimals fast path prints what {@link Double#toString} prints: prices, 4-decimal values, boundaries, any double. */
    @Test
    void numbersAreDoubleToString() {
        List<Double> values = new ArrayList<>(List.of(
                0.001,
                0.0011,
                0.000999,
                0.0001,
                9_999_999.9999,
                9_999_999.99995,
                1e7,
                1e7 - 1e-9,
                0.5,
                1.0,
                100.0,
                123.45,
                0.1 + 0.2,
                1e-3 + 1e-19,
                4.35,
                1234567.8901,
                0.0,
                -0.0,
                2.5e-3,
                0.07,
                1e6));
        for (int i = 0; i < 1_000_000; i++) {
            double cents = random.nextLong(1, 1_000_000_000L) / 100.0,
                    four = random.nextLong(1, 100_000_000_000L) / 10_000.0;
            double scaled = random.nextDouble() * Math.pow(10, random.nextInt(-5, 9)),
                    bits = Double.longBitsToDouble(random.nextLong());
            values.addAll(List.of(cents, four, scaled, Math.round(scaled * 10_000) / 10_000.0, bits));
        }
        for (double v : values) {
            for (double d : new double[] {v, -v}) {
                if (!Double.isFinite(d)) continue;
                assertThat(EventJson.number(new StringBuilder(), d).toString())
                        .as("%s", Double.toString(d))
                        .isEqualTo(Double.toString(d));
            }
        }
    }

    @Test
    void handWrittenJsonEqualsJacksonCharacterForCharacter() {
        for (int i = 0; i < 2_000; i++) {
            Events.IndicatorEvent indicator = new Events.IndicatorEvent(
                    text(),
                    new Events.IndicatorCalculation(
                            text(), text(), number(), Map.of("value", number()), text(), "1min", map()));
            assertThat(EventJson.indicator(indicator)).isEqualTo(Json.write(indicator));

            Events.Bar bar = new Events.Bar(
                    text(),
                    text(),
                    "1min",
                    number(),
                    number(),
                    number(),
                    number(),
                    random.nextLong(1_000_000),
                    number(),
                    random.nextLong(5_000),
                    "regular",
                    random.nextBoolean() ? null : text(),
                    random.nextBoolean());
            Events.BarEvent closed = Events.BarEvent.closed(text(), bar),
                    corrected = Events.BarEvent.correction(text(), bar, 1 + random.nextInt(3));
            assertThat(EventJson.bar(closed)).isEqualTo(Json.write(closed));
            assertThat(EventJson.bar(corrected)).isEqualTo(Json.write(corrected));

            Events.PatternEvent pattern = new Events.PatternEvent(
                    text(),
                    new Events.PatternDetection(
                            text(),
                            text(),
                            number(),
                            text(),
                            "1min",
                            "bullish",
                            new Events.BarData(number(), number(), number(), number(), random.nextLong(1_000_000)),
                            map(),
                            map()));
            assertThat(EventJson.pattern(pattern)).isEqualTo(Json.write(pattern));

            Events.IndicatorAlertEvent alert = new Events.IndicatorAlertEvent(
                    text(),
                    new Events.IndicatorAlert(
                            text(), "RSI_OVERBOUGHT", text(), map(), "warning", random.nextBoolean() ? null : text()));
            assertThat(EventJson.alert(alert)).isEqualTo(Json.write(alert));

            Events.IndicatorBatch indicators =
                    new Events.IndicatorBatch(text(), List.of(indicator.calculation(), indicator.calculation()));
            assertThat(EventJson.indicatorBatch(indicators)).isEqualTo(Json.write(indicators));
            Events.PatternBatch patterns = new Events.PatternBatch(text(), List.of(pattern.detection()));
            assertThat(EventJson.patternBatch(patterns)).isEqualTo(Json.write(patterns));

            LegacyEvents.PatternEvent legacy = new LegacyEvents.PatternEvent(
                    number(),
                    new LegacyEvents.PatternData(
                            text(),
                            text(),
                            number(),
                            text(),
                            "intraday",
                            number(),
                            number(),
                            random.nextLong(10_000_000),
                            number()));
            assertThat(EventJson.legacyPattern(legacy)).isEqualTo(Json.write(legacy));
        }
    }

    private double number() {
        return switch (random.nextInt(12)) {
            case 0 -> Double.NaN;
            case 1 -> 0.0;
            case 2 -> -random.nextDouble() * 1e-9;
            case 3 -> random.nextDouble() * 1e12;
            case 4 -> Math.round(random.nextDouble() * 10_000) / 100.0;
            default -> random.nextGaussian() * 100;
        };
    }

    private String text() {
        String[] samples = {
            "SPY",
            "2013-10-08T13:30:00.000Z",
            "CDLDOJI",
            "quote \" and \\ backslash",
            "tab\tnew\nline\u0001\u001f",
            "ünïcödé €",
            "",
            "BRK.B"
        };
        return samples[random.nextInt(samples.length)];
    }

    private Map<String, Object> map() {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            String key = "k" + i + (random.nextInt(4) == 0 ? "\"" : "");
            m.put(
                    key,
                    switch (random.nextInt(8)) {
                        case 0 -> text();
                        case 1 -> number();
                        case 2 -> random.nextInt(1000);
                        case 3 -> random.nextLong();
                        case 4 -> random.nextBoolean();
                        case 5 -> null;
                        case 6 -> new ArrayList<>(List.of(1, "two", 3.5));
                        default -> Map.of("inner", number());
                    });
        }
        return m;
    }
}
