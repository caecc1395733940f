package io.tickstock.engine.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.tickstock.engine.MarketData;
import io.tickstock.engine.bars.Bar;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Differential test: pattern outputs identical to TA-Lib's Java port on every bar of ../shared/data. */
class PatternsVsTaLibTest {
    interface TaLibCdl {
        void run(Core core, int end, double[] o, double[] h, double[] l, double[] c, MInteger beg, MInteger n, int[] out);
    }

    static Stream<Path> series() {
        return MarketData.barFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void dojiMatches(Path file) {
        check(file, Doji::new, (core, end, o, h, l, c, beg, n, out) -> core.cdlDoji(0, end, o, h, l, c, beg, n, out));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void hammerMatches(Path file) {
        check(file, Hammer::new, (core, end, o, h, l, c, beg, n, out) -> core.cdlHammer(0, end, o, h, l, c, beg, n, out));
    }

    private static void check(Path file, Supplier<CandlePattern> pattern, TaLibCdl talib) {
        List<Bar> bars = MarketData.bars(file);
        int len = bars.size();
        double[] o = new double[len], h = new double[len], l = new double[len], c = new double[len];
        for (int i = 0; i < len; i++) {
            Bar b = bars.get(i);
            o[i] = b.open(); h[i] = b.high(); l[i] = b.low(); c[i] = b.close();
        }
        MInteger beg = new MInteger(), n = new MInteger();
        int[] expected = new int[len];
        talib.run(new Core(), len - 1, o, h, l, c, beg, n, expected);

        CandlePattern p = pattern.get();
        CandleHistory history = new CandleHistory();
        int[] mine = new int[len];
        for (int i = 0; i < len; i++) {
            history.add(bars.get(i));
            Detection d = p.evaluate(history);
            mine[i] = d == null ? 0 : d.output();
            if (d != null) assertThat(d.confidence()).isBetween(0.0, 1.0);
        }
        if (n.value > 0) assertThat(beg.value).as("lookback").isEqualTo(p.lookback());
        int hits = 0;
        for (int k = 0; k < n.value; k++) {
            assertThat(mine[beg.value + k]).as("%s bar %d", file.getFileName(), beg.value + k).isEqualTo(expected[k]);
            if (expected[k] != 0) hits++;
        }
        assertThat(hits).as("sanity: TA-Lib finds the pattern somewhere in a long series").isGreaterThanOrEqualTo(len > 500 ? 1 : 0);
    }
}
