package io.tickstock.engine.alerts;

/** The six alert types of the integration contract. */
public enum AlertType {
    /** RSI crosses above 70. */
    RSI_OVERBOUGHT,
    /** RSI crosses below 30. */
    RSI_OVERSOLD,
    /** MACD line crosses above its signal line. */
    MACD_BULLISH_CROSS,
    /** MACD line crosses below its signal line. */
    MACD_BEARISH_CROSS,
    /** Close crosses above the upper Bollinger Band. */
    BB_UPPER_BREAK,
    /** Close crosses below the lower Bollinger Band. */
    BB_LOWER_BREAK
}
