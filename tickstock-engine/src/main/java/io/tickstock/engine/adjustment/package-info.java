/**
 * Corporate-action adjustment of historical bars, LEAN's way: a symbol's factor file ({@link FactorFile}) turns raw
 * (as-traded) prices into split-adjusted or fully adjusted (splits and dividends) ones ({@link PriceAdjustment}); where
 * no factor file exists, {@link SplitGaps} finds the overnight gaps that look like splits so that nothing is traded or
 * measured across them. Pure.
 */
@NullMarked
package io.tickstock.engine.adjustment;

import org.jspecify.annotations.NullMarked;
