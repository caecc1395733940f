/**
 * Benchmarks of TickStock's hot paths, runnable by anyone: JMH benchmarks ({@code scripts/jmh}) of trade decoding
 * and bar aggregation ({@link io.tickstock.bench.TradeBenchmark}), each indicator
 * ({@link io.tickstock.bench.IndicatorBenchmark}), the pattern battery and whole symbol analytics
 * ({@link io.tickstock.bench.AnalyticsBenchmark}) and the side-by-side with ta4j
 * ({@link io.tickstock.bench.Ta4jComparisonBenchmark}); the engine's replay without I/O
 * ({@link io.tickstock.bench.NoIoReplay}); the bar-close burst into a real Redis
 * ({@link io.tickstock.bench.BarCloseBurst}). {@code ./tickstock bench quick|e2e} (tickstock-cli) runs them.
 */
package io.tickstock.bench;
