/**
 * Threshold alerts on indicator values, fired on the transition bar only. Pure, single-threaded.
 */
@NullMarked
package io.tickstock.engine.alerts;

import org.jspecify.annotations.NullMarked;
