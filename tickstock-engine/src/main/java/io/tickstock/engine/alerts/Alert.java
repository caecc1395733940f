package io.tickstock.engine.alerts;

/**
 * An indicator crossing a threshold on one bar.
 *
 * @param type      which crossing
 * @param indicator TA-Lib name of the indicator: RSI, MACD, BBANDS
 * @param value     the crossing value (RSI; MACD line; close in dollars)
 * @param threshold what it crossed (70/30; the signal line; the band in dollars)
 * @param direction above or below
 * @param severity  info, warning or critical (rule in {@link AlertDetector})
 */
public record Alert(
        AlertType type, String indicator, double value, double threshold, String direction, String severity) {}
