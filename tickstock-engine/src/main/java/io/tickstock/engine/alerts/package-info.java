/**
 * Threshold alerts on indicator values, fired on the transition bar only. Pure, single-threaded.
 */
package io.tickstock.engine.alerts;
