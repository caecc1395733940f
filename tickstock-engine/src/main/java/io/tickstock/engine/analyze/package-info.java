/**
 * Offline analysis ({@code tickstock analyze}): bars from a file, run through the live engine's own
 * indicators and patterns, one CSV row per bar. Single-threaded.
 */
package io.tickstock.engine.analyze;
