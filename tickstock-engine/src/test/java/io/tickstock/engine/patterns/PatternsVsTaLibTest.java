package io.tickstock.engine.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.tickstock.engine.MarketData;
import io.tickstock.engine.SyntheticCandles;
import io.tickstock.engine.bars.Bar;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: all 61 candlestick patterns give TA-Lib's Java port's integer output on every bar of
 * every minute and daily series in ../shared/data, run through one {@link PatternScanner} per series as the
 * live engine runs them (incrementally, averages shared).
 */
class PatternsVsTaLibTest {
    /** TA-Lib's Java port misspells three method names. */
    private static final Map<String, String> JAVA_NAMES = Map.of(
            "CDLHIGHWAVE",
            "cdlHignWave",
            "CDLSEPARATINGLINES",
            "cdlSeperatingLines",
            "CDLSTICKSANDWICH",
            "cdlStickSandwhich");
    /** TA-Lib's TA_REAL_DEFAULT: the function then uses its default optInPenetration. */
    private static final double TA_REAL_DEFAULT = -4e37;

    private static final int SYNTHETIC_SERIES = 40, SYNTHETIC_LENGTH = 5_000;
    private static final Map<String, List<Bar>> SERIES = series();
    private static final Map<String, int[][]> OURS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every minute and daily file of ../shared/data, then seeded synthetic series. */
    private static Map<String, List<Bar>> series() {
        Map<String, List<Bar>> all = new java.util.LinkedHashMap<>();
        for (Path file : MarketData.barFiles())
            all.put(MarketData.root().relativize(file).toString(), MarketData.bars(file));
        for (int seed = 1; seed <= SYNTHETIC_SERIES; seed++)
            all.put("synthetic-" + seed, SyntheticCandles.series(seed, SYNTHETIC_LENGTH));
        return all;
    }

    static Stream<String> functions() {
        return CandlePatterns.taLib().all().stream().map(CandlePattern::function);
    }

    @Test
    void catalogHasAllSixtyOnePatternsInTaLibOrder() {
        List<String> names = functions().toList();
        assertThat(names).hasSize(61).isSorted().startsWith("CDL2CROWS").endsWith("CDLXSIDEGAP3METHODS");
        long taLibFunctions = Arrays.stream(Core.class.getMethods())
                .filter(m -> m.getName().startsWith("cdl") && m.getName().endsWith("Lookback"))
                .count();
        assertThat(taLibFunctions).isEqualTo(61);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void matchesTaLibOnEveryBar(String function) throws Exception {
        int k = functions().toList().indexOf(function);
        CandlePattern pattern = CandlePatterns.taLib().all().get(k);
        Method talib = taLibMethod(function);
        int realHits = 0, syntheticHits = 0;
        for (Map.Entry<String, List<Bar>> series : SERIES.entrySet()) {
            String file = series.getKey();
            List<Bar> bars = series.getValue();
            int len = bars.size();
            double[] o = new double[len], h = new double[len], l = new double[len], c = new double[len];
            for (int i = 0; i < len; i++) {
                Bar b = bars.get(i);
                o[i] = b.open();
                h[i] = b.high();
                l[i] = b.low();
                c[i] = b.close();
            }
            MInteger beg = new MInteger(), n = new MInteger();
            int[] expected = new int[len];
            Object[] args = talib.getParameterCount() == 9
                    ? new Object[] {0, len - 1, o, h, l, c, beg, n, expected}
                    : new Object[] {0, len - 1, o, h, l, c, TA_REAL_DEFAULT, beg, n, expected};
            talib.invoke(new Core(), args);

            int[] mine = OURS.computeIfAbsent(file, f -> scan(bars))[k];
            if (n.value > 0) assertThat(beg.value).as("%s lookback", function).isEqualTo(pattern.lookback());
            for (int i = 0; i < Math.min(len, pattern.lookback()); i++) {
                assertThat(mine[i])
                        .as("%s %s bar %d within lookback", function, file, i)
                        .isEqualTo(CandlePatterns.NO_OUTPUT);
            }
            for (int j = 0; j < n.value; j++) {
                int i = beg.value + j;
                assertThat(mine[i])
                        .as("%s %s bar %d (%s)", function, file, i, bars.get(i))
                        .isEqualTo(expected[j]);
                if (expected[j] != 0 && file.startsWith("synthetic")) syntheticHits++;
                else if (expected[j] != 0) realHits++;
            }
        }
        System.out.printf(
                "%s: %d detections on recorded data, %d on synthetic, all equal to TA-Lib%n",
                function, realHits, syntheticHits);
        assertThat(realHits + syntheticHits).as("%s is exercised", function).isPositive();
    }

    /** Every pattern's output on every bar: [pattern][bar]. */
    private static int[][] scan(List<Bar> bars) {
        PatternScanner scanner = new PatternScanner(CandlePatterns.taLib());
        int[][] out = new int[scanner.outputs().length][bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            scanner.add(bars.get(i));
            for (int k = 0; k < out.length; k++) out[k][i] = scanner.outputs()[k];
        }
        return out;
    }

    private static Method taLibMethod(String function) {
        String name = JAVA_NAMES.getOrDefault(function, null);
        for (Method m : Core.class.getMethods()) {
            boolean matches =
                    name != null ? m.getName().equals(name) : m.getName().equalsIgnoreCase(function);
            if (matches && m.getParameterTypes()[2] == double[].class) return m;
        }
        throw new AssertionError("no TA-Lib method for " + function);
    }
}
