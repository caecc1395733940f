package io.tickstock.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.tickstock.engine.MarketData;
import io.tickstock.engine.bars.Bar;
import java.nio.file.Path;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Differential test: every indicator equals TA-Lib's Java port on every bar series of ../shared/data. */
class IndicatorsVsTaLibTest {
    static final double RELATIVE = 1e-9;
    final Core talib = new Core();

    static Stream<Path> series() {
        return MarketData.barFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void singleOutputIndicatorsMatch(Path file) {
        double[] close = MarketData.bars(file).stream().mapToDouble(Bar::close).toArray();
        MInteger beg = new MInteger(), n = new MInteger();
        double[] out = new double[close.length];

        talib.rsi(0, close.length - 1, close, 14, beg, n, out);
        compare("RSI_14", close, new Rsi(14)::update, beg.value, n.value, out);
        for (int p : new int[] {20, 50, 200}) {
            talib.sma(0, close.length - 1, close, p, beg, n, out);
            compare("SMA_" + p, close, new Sma(p)::update, beg.value, n.value, out);
        }
        for (int p : new int[] {12, 26}) {
            talib.ema(0, close.length - 1, close, p, beg, n, out);
            compare("EMA_" + p, close, new Ema(p)::update, beg.value, n.value, out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void macdAndBollingerBandsMatch(Path file) {
        double[] close = MarketData.bars(file).stream().mapToDouble(Bar::close).toArray();
        int len = close.length;
        MInteger beg = new MInteger(), n = new MInteger();
        double[] macd = new double[len], signal = new double[len], hist = new double[len];
        talib.macd(0, len - 1, close, 12, 26, 9, beg, n, macd, signal, hist);
        Macd ours = new Macd(12, 26, 9);
        double[][] mine = new double[3][len];
        for (int i = 0; i < len; i++) {
            ours.update(close[i]);
            mine[0][i] = ours.value();
            mine[1][i] = ours.signal();
            mine[2][i] = ours.histogram();
        }
        check("MACD", mine[0], beg.value, n.value, macd);
        check("MACD signal", mine[1], beg.value, n.value, signal);
        check("MACD hist", mine[2], beg.value, n.value, hist);

        double[] upper = new double[len], middle = new double[len], lower = new double[len];
        talib.bbands(0, len - 1, close, 20, 2, 2, MAType.Sma, beg, n, upper, middle, lower);
        BollingerBands bb = new BollingerBands(20, 2);
        double[][] b = new double[3][len];
        for (int i = 0; i < len; i++) {
            bb.update(close[i]);
            b[0][i] = bb.upper();
            b[1][i] = bb.value();
            b[2][i] = bb.lower();
        }
        check("BB upper", b[0], beg.value, n.value, upper);
        check("BB middle", b[1], beg.value, n.value, middle);
        check("BB lower", b[2], beg.value, n.value, lower);
    }

    private static void compare(String what, double[] in, DoubleUnaryOperator ours, int beg, int n, double[] expected) {
        double[] mine = new double[in.length];
        for (int i = 0; i < in.length; i++) mine[i] = ours.applyAsDouble(in[i]);
        check(what, mine, beg, n, expected);
    }

    private static void check(String what, double[] mine, int beg, int n, double[] expected) {
        if (n == 0) {
            assertThat(java.util.Arrays.stream(mine).allMatch(Double::isNaN)).as(what + " within lookback").isTrue();
            return;
        }
        for (int i = 0; i < beg; i++) assertThat(mine[i]).as(what + " before lookback at " + i).isNaN();
        for (int k = 0; k < n; k++) {
            double e = expected[k], m = mine[beg + k];
            double tolerance = RELATIVE * Math.max(1e-12, Math.abs(e));
            assertThat(Math.abs(m - e)).as("%s at bar %d: ours %s, TA-Lib %s", what, beg + k, m, e).isLessThanOrEqualTo(tolerance);
        }
    }
}
