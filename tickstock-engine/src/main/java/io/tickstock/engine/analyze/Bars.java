package io.tickstock.engine.analyze;

import io.tickstock.engine.bars.Bar;
import java.util.List;

/**
 * The bars of one symbol read for analysis.
 *
 * @param symbol upper-case ticker
 * @param bars   in time order
 * @param daily  whether they are daily bars (timestamps written as dates)
 */
public record Bars(String symbol, List<Bar> bars, boolean daily) {}
