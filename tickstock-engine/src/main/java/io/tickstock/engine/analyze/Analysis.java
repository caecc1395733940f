package io.tickstock.engine.analyze;

import io.tickstock.contract.IsoTime;
import io.tickstock.engine.bars.Bar;
import io.tickstock.engine.indicators.Indicator;
import io.tickstock.engine.indicators.IndicatorSet;
import io.tickstock.engine.indicators.IndicatorSpec;
import io.tickstock.engine.patterns.CandlePattern;
import io.tickstock.engine.patterns.CandlePatterns;
import io.tickstock.engine.patterns.PatternScanner;
import io.tickstock.engine.patterns.PricePatterns;
import io.tickstock.engine.session.NyseCalendar;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.IntConsumer;

/**
 * Runs bars through the live engine's indicators, 61 TA-Lib candlestick patterns and four price patterns
 * and writes one CSV row per bar: {@code timestamp,open,high,low,close,volume}, one column per indicator
 * output ({@code RSI_14}, {@code MACD_12_26_9_macd}, {@code BBANDS_20_2_upper}, …), the 61 pattern columns
 * named as TA-Lib ({@code CDL2CROWS} … {@code CDLXSIDEGAP3METHODS}) with TA-Lib's integer outputs, then
 * {@code Volume_Spike,Price_Breakout,Support_Test,Resistance_Break}. A value within its lookback is empty.
 * Timestamps are ISO-8601: the New York date for daily bars, else the bar start in UTC. Doubles are written
 * in Java's shortest round-trip form (no rounding).
 */
public final class Analysis {
    private Analysis() {}

    /** Writes the header and every row; returns the number of rows. {@code progress} gets the row count now and then. */
    public static int write(Bars input, IndicatorSpec spec, Writer out, IntConsumer progress) throws IOException {
        IndicatorSet indicators = spec.newSet();
        PatternScanner candles = new PatternScanner(CandlePatterns.taLib());
        PricePatterns prices = new PricePatterns();
        StringBuilder row = new StringBuilder(2048).append("timestamp,open,high,low,close,volume");
        for (Indicator i : indicators.all()) {
            String[] names = i.outputNames();
            for (String n : names) row.append(',').append(names.length == 1 ? i.key() : i.key() + "_" + n);
        }
        for (CandlePattern p : CandlePatterns.taLib().all()) row.append(',').append(p.function());
        for (String n : PricePatterns.NAMES) row.append(',').append(n);
        out.write(row.append('\n').toString());

        int rows = 0;
        for (Bar bar : input.bars()) {
            indicators.update(bar);
            candles.add(bar);
            boolean priceReady = prices.add(bar);
            row.setLength(0);
            row.append(timestamp(bar, input.daily()))
                    .append(',')
                    .append(bar.open())
                    .append(',')
                    .append(bar.high())
                    .append(',')
                    .append(bar.low())
                    .append(',')
                    .append(bar.close())
                    .append(',')
                    .append(bar.volume());
            for (Indicator i : indicators.all()) {
                for (int k = 0; k < i.outputNames().length; k++) {
                    row.append(',');
                    double v = i.output(k);
                    if (!Double.isNaN(v)) row.append(v);
                }
            }
            for (int out1 : candles.outputs()) {
                row.append(',');
                if (out1 != CandlePatterns.NO_OUTPUT) row.append(out1);
            }
            for (int out1 : prices.outputs()) {
                row.append(',');
                if (priceReady) row.append(out1);
            }
            out.write(row.append('\n').toString());
            if (++rows % 10_000 == 0) progress.accept(rows);
        }
        progress.accept(rows);
        return rows;
    }

    private static String timestamp(Bar bar, boolean daily) {
        if (daily)
            return LocalDate.ofInstant(Instant.ofEpochMilli(bar.startMillis()), NyseCalendar.NEW_YORK)
                    .toString();
        return IsoTime.format(bar.startMillis());
    }
}
