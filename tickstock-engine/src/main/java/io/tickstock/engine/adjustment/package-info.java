/**
 * Corporate-action adjustment of historical bars, LEAN's way: a symbol's factor file ({@link
 * io.tickstock.engine.adjustment.FactorFile}) turns raw (as-traded) prices into split-adjusted or fully adjusted
 * (splits and dividends) ones ({@link io.tickstock.engine.adjustment.PriceAdjustment}); where no factor file exists,
 * {@link io.tickstock.engine.adjustment.SplitGaps} finds the overnight gaps that look like splits so that nothing is
 * traded or measured across them. Pure.
 */
@NullMarked
package io.tickstock.engine.adjustment;

import org.jspecify.annotations.NullMarked;
