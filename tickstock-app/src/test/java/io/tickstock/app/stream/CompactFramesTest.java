package io.tickstock.app.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickstock.contract.Events;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compact frames, decoded by the dashboard's own decoder ({@code frames.js}, run by Node), equal the contract's batch
 * frames item by item (every field, numbers compared as JavaScript reads them), for indicator values of one and of
 * several outputs (the primary among them or not) and bars with and without a revision, session id or fill; and
 * they are smaller.
 */
class CompactFramesTest {
    static final long NOW = 1_381_239_123_456L;

    @TempDir
    Path dir;

    @Test
    void decodedByTheDashboardTheyEqualTheContractsFrames() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        List<StreamItem> indicators = new ArrayList<>(), bars = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String symbol = "S" + (i % 37);
            String time = io.tickstock.contract.IsoTime.format(1_381_239_000_000L + (i % 5) * 60_000L);
            double x = r.nextDouble() * 100;
            indicators.add(indicator(symbol, "RSI", x, Map.of("value", x), time, Map.of("period", 14), i));
            Map<String, Double> macd = new LinkedHashMap<>();
            macd.put("macd", x / 7);
            macd.put("macdsignal", -x / 9);
            macd.put("macdhist", x / 7 + x / 9);
            indicators.add(indicator(symbol, "MACD", x / 7, macd, time, Map.of("fast_period", 12), i));
            Map<String, Double> bands = new LinkedHashMap<>();
            bands.put("upperband", x + 2);
            bands.put("middleband", x);
            bands.put("lowerband", x - 2);
            indicators.add(indicator(symbol, "BBANDS", x, bands, time, Map.of("period", 20, "nbdev", 2.0), i));
            indicators.add(indicator(symbol, "VWAP", x + 0.5, Map.of("vwap", x), time, Map.of(), i));
            bars.add(new StreamItem.Bar(
                    new Events.Bar(
                            symbol,
                            time,
                            "1min",
                            x,
                            x + 1,
                            x - 1,
                            x + 0.25,
                            r.nextLong(0, 5_000_000_000L),
                            x + 0.1,
                            r.nextInt(0, 9_000),
                            i % 3 == 0 ? "pre" : "regular",
                            i % 4 == 0 ? null : "3f2c9a1e-8d4b-4c6a-9e1f-2b3c4d5e6f70",
                            i % 5 == 0),
                    i % 6 == 0 ? Integer.valueOf(1 + i % 3) : null,
                    NOW + i));
        }
        String compactIndicators = CompactFrames.render("indicator", indicators, NOW),
                compactBars = CompactFrames.render("bar", bars, NOW);
        assertThat(decodeAndCompare(
                        compactIndicators, Frames.batch("streaming_indicators_batch", "indicators", indicators, NOW)))
                .isEqualTo("equal 1200");
        assertThat(decodeAndCompare(compactBars, Frames.batch("streaming_bars_batch", "bars", bars, NOW)))
                .isEqualTo("equal 300");
        assertThat(compactIndicators.length())
                .isLessThan(Frames.batch("streaming_indicators_batch", "indicators", indicators, NOW)
                                .length()
                        / 3);
        assertThat(compactBars.length())
                .isLessThan(
                        Frames.batch("streaming_bars_batch", "bars", bars, NOW).length() / 2);
    }

    private static StreamItem indicator(
            String symbol,
            String name,
            double value,
            Map<String, Double> values,
            String time,
            Map<String, Object> meta,
            int i) {
        return new StreamItem.Indicator(
                new Events.IndicatorCalculation(symbol, name, value, values, time, "1min", meta), NOW + i);
    }

    /** Node decodes {@code compact} with frames.js and compares it with {@code json}: "equal N" or the first difference. */
    private String decodeAndCompare(String compact, String json) throws Exception {
        Path framesJs = dir.resolve("frames.js"), a = dir.resolve("compact.json"), b = dir.resolve("contract.json");
        try (InputStream in = CompactFrames.class.getResourceAsStream("/io/tickstock/app/web/frames.js")) {
            Files.write(framesJs, in.readAllBytes());
        }
        Files.writeString(a, compact);
        Files.writeString(b, json);
        String script = """
                const fs = require('fs');
                const F = require(process.argv[1]);
                const decoded = F.decode(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));
                const contract = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
                const key = contract.event === 'streaming_bars_batch' ? 'bars' : 'indicators';
                const same = (x, y) => JSON.stringify(sort(x)) === JSON.stringify(sort(y));
                function sort(v) {
                  if (Array.isArray(v)) return v.map(sort);
                  if (v && typeof v === 'object') return Object.keys(v).sort().reduce((o, k) => (o[k] = sort(v[k]), o), {});
                  return v;
                }
                if (decoded.event !== contract.event) { console.log('event ' + decoded.event); process.exit(0); }
                const items = decoded.data[key], expected = contract.data[key];
                for (let i = 0; i < expected.length; i++)
                  if (!same(items[i], expected[i])) { console.log('item ' + i + ': ' + JSON.stringify(items[i]) + ' != ' + JSON.stringify(expected[i])); process.exit(0); }
                console.log(items.length === expected.length && decoded.data.count === contract.data.count ? 'equal ' + items.length : 'count');
                """;
        Process node = new ProcessBuilder("node", "-e", script, framesJs.toString(), a.toString(), b.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
