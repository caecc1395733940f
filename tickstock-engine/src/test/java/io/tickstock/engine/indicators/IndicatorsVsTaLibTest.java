package io.tickstock.engine.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.tickstock.engine.MarketData;
import io.tickstock.engine.SyntheticCandles;
import io.tickstock.engine.bars.Bar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: every indicator, fed bar by bar as the live engine feeds it, equals TA-Lib's Java port
 * within 1e-9 relative after the lookback, and is NaN before it, on every minute and daily series of
 * ../shared/data and on seeded synthetic series (flat stretches, gaps, zero ranges).
 */
class IndicatorsVsTaLibTest {
    static final double RELATIVE = 1e-9;
    private static final Map<String, List<Bar>> SERIES = series();

    /** One TA-Lib call: fills its outputs (in our output order) and returns the begin index. */
    interface TaLibCall {
        int run(Core core, Inputs in, double[][] out);
    }

    @SuppressWarnings("ArrayRecordComponent") // TA-Lib's input arrays, passed through, never compared
    record Inputs(double[] open, double[] high, double[] low, double[] close, double[] volume, int end) {
        static Inputs of(List<Bar> bars) {
            int n = bars.size();
            double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n], v = new double[n];
            for (int i = 0; i < n; i++) {
                Bar b = bars.get(i);
                o[i] = b.open();
                h[i] = b.high();
                l[i] = b.low();
                c[i] = b.close();
                v[i] = b.volume();
            }
            return new Inputs(o, h, l, c, v, n - 1);
        }
    }

    private static Map<String, List<Bar>> series() {
        Map<String, List<Bar>> all = new LinkedHashMap<>();
        for (var file : MarketData.barFiles())
            all.put(MarketData.root().relativize(file).toString(), MarketData.bars(file));
        for (int seed = 1; seed <= 10; seed++) all.put("synthetic-" + seed, SyntheticCandles.series(seed, 3_000));
        return all;
    }

    static Stream<Arguments> indicators() {
        MInteger b = new MInteger(), n = new MInteger();
        return Stream.of(
                Arguments.of("RSI_14", (Supplier<Indicator>) () -> new Rsi(14), (TaLibCall) (t, in, o) -> {
                    t.rsi(0, in.end, in.close, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("SMA_20", (Supplier<Indicator>) () -> new Sma(20), (TaLibCall) (t, in, o) -> {
                    t.sma(0, in.end, in.close, 20, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("SMA_200", (Supplier<Indicator>) () -> new Sma(200), (TaLibCall) (t, in, o) -> {
                    t.sma(0, in.end, in.close, 200, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("EMA_12", (Supplier<Indicator>) () -> new Ema(12), (TaLibCall) (t, in, o) -> {
                    t.ema(0, in.end, in.close, 12, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("EMA_26", (Supplier<Indicator>) () -> new Ema(26), (TaLibCall) (t, in, o) -> {
                    t.ema(0, in.end, in.close, 26, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of(
                        "MACD_12_26_9", (Supplier<Indicator>) () -> new Macd(12, 26, 9), (TaLibCall) (t, in, o) -> {
                            t.macd(0, in.end, in.close, 12, 26, 9, b, n, o[0], o[1], o[2]);
                            return b.value;
                        }),
                Arguments.of("BBANDS_20_2", (Supplier<Indicator>) () -> new BollingerBands(20, 2), (TaLibCall)
                        (t, in, o) -> {
                            t.bbands(0, in.end, in.close, 20, 2, 2, MAType.Sma, b, n, o[0], o[1], o[2]);
                            return b.value;
                        }),
                Arguments.of("ATR_14", (Supplier<Indicator>) () -> new Atr(14), (TaLibCall) (t, in, o) -> {
                    t.atr(0, in.end, in.high, in.low, in.close, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("ATR_1", (Supplier<Indicator>) () -> new Atr(1), (TaLibCall) (t, in, o) -> {
                    t.atr(0, in.end, in.high, in.low, in.close, 1, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("NATR_14", (Supplier<Indicator>) () -> new Natr(14), (TaLibCall) (t, in, o) -> {
                    t.natr(0, in.end, in.high, in.low, in.close, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("STOCH_5_3_3", (Supplier<Indicator>) () -> new Stoch(5, 3, 3), (TaLibCall) (t, in, o) -> {
                    t.stoch(0, in.end, in.high, in.low, in.close, 5, 3, MAType.Sma, 3, MAType.Sma, b, n, o[0], o[1]);
                    return b.value;
                }),
                Arguments.of(
                        "STOCH_14_3_5", (Supplier<Indicator>) () -> new Stoch(14, 3, 5), (TaLibCall) (t, in, o) -> {
                            t.stoch(
                                    0,
                                    in.end,
                                    in.high,
                                    in.low,
                                    in.close,
                                    14,
                                    3,
                                    MAType.Sma,
                                    5,
                                    MAType.Sma,
                                    b,
                                    n,
                                    o[0],
                                    o[1]);
                            return b.value;
                        }),
                Arguments.of("STOCHRSI_14_5_3", (Supplier<Indicator>) () -> new StochRsi(14, 5, 3), (TaLibCall)
                        (t, in, o) -> {
                            t.stochRsi(0, in.end, in.close, 14, 5, 3, MAType.Sma, b, n, o[0], o[1]);
                            return b.value;
                        }),
                Arguments.of("ADX_14", (Supplier<Indicator>) () -> new Adx(14), (TaLibCall) (t, in, o) -> {
                    t.adx(0, in.end, in.high, in.low, in.close, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("PLUS_DI_14", (Supplier<Indicator>) () -> new PlusDi(14), (TaLibCall) (t, in, o) -> {
                    t.plusDI(0, in.end, in.high, in.low, in.close, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("MINUS_DI_14", (Supplier<Indicator>) () -> new MinusDi(14), (TaLibCall) (t, in, o) -> {
                    t.minusDI(0, in.end, in.high, in.low, in.close, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("CCI_14", (Supplier<Indicator>) () -> new Cci(14), (TaLibCall) (t, in, o) -> {
                    t.cci(0, in.end, in.high, in.low, in.close, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("MFI_14", (Supplier<Indicator>) () -> new Mfi(14), (TaLibCall) (t, in, o) -> {
                    t.mfi(0, in.end, in.high, in.low, in.close, in.volume, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("OBV", (Supplier<Indicator>) Obv::new, (TaLibCall) (t, in, o) -> {
                    t.obv(0, in.end, in.close, in.volume, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("WILLR_14", (Supplier<Indicator>) () -> new WillR(14), (TaLibCall) (t, in, o) -> {
                    t.willR(0, in.end, in.high, in.low, in.close, 14, b, n, o[0]);
                    return b.value;
                }),
                Arguments.of("ROC_10", (Supplier<Indicator>) () -> new Roc(10), (TaLibCall) (t, in, o) -> {
                    t.roc(0, in.end, in.close, 10, b, n, o[0]);
                    return b.value;
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indicators")
    void matchesTaLibOnEverySeries(String key, Supplier<Indicator> ours, TaLibCall talib) {
        int values = 0;
        for (Map.Entry<String, List<Bar>> series : SERIES.entrySet()) {
            List<Bar> bars = series.getValue();
            Indicator indicator = ours.get();
            assertThat(indicator.key()).isEqualTo(key);
            int outputs = indicator.outputNames().length;
            double[][] expected = new double[outputs][bars.size()];
            int beg = talib.run(new Core(), Inputs.of(bars), expected);
            int count = bars.size() - beg;
            if (bars.size() > indicator.lookback())
                assertThat(beg).as("%s lookback", key).isEqualTo(indicator.lookback());
            for (int i = 0; i < bars.size(); i++) {
                boolean ready = indicator.update(bars.get(i));
                assertThat(ready)
                        .as("%s %s bar %d has a value", key, series.getKey(), i)
                        .isEqualTo(i >= indicator.lookback());
                for (int k = 0; k < outputs; k++) {
                    double mine = indicator.output(k);
                    if (i < indicator.lookback()) {
                        assertThat(mine).as("%s before lookback", key).isNaN();
                        continue;
                    }
                    double e = expected[k][i - beg];
                    double tolerance = RELATIVE * Math.max(1e-12, Math.abs(e));
                    assertThat(Math.abs(mine - e))
                            .as(
                                    "%s %s %s bar %d: ours %s, TA-Lib %s",
                                    key, indicator.outputNames()[k], series.getKey(), i, mine, e)
                            .isLessThanOrEqualTo(tolerance);
                }
            }
            values += Math.max(0, count);
        }
        System.out.printf("%s: %d values on %d series equal to TA-Lib within 1e-9%n", key, values, SERIES.size());
    }
}
