/**
 * Offline analysis ({@code tickstock analyze}): bars from a file, run through the live engine's own
 * indicators and patterns, one CSV row per bar. Single-threaded.
 */
@NullMarked
package io.tickstock.engine.analyze;

import org.jspecify.annotations.NullMarked;
