package io.tickstock.engine.patterns;

/** What a candlestick pattern says about the move before it; decides the trend term of the confidence. */
public enum PatternKind {
    /** Signals the end of the preceding move: a bullish one is supported by a prior decline. */
    REVERSAL,
    /** Signals that the preceding move goes on: a bullish one is supported by a prior rise. */
    CONTINUATION,
    /** Signals balance (Doji family, spinning tops): direction neutral, no trend term. */
    INDECISION
}
