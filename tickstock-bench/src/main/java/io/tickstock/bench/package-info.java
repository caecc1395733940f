/**
 * Benchmarks of TickStock's hot paths, runnable by anyone: JMH benchmarks ({@code scripts/jmh}) of trade decoding
 * and bar aggregation ({@link io.tickstock.bench.TradeBenchmark}), each indicator
 * ({@link io.tickstock.bench.IndicatorBenchmark}), the pattern battery and whole symbol analytics
 * ({@link io.tickstock.bench.AnalyticsBenchmark}) and the side-by-side with ta4j
 * ({@link io.tickstock.bench.Ta4jComparisonBenchmark}); the engine's replay without I/O
 * ({@link io.tickstock.bench.NoIoReplay}); the bar-close burst into a real Redis
 * ({@link io.tickstock.bench.BarCloseBurst}); the end-to-end harness ({@link io.tickstock.bench.EndToEndBench}).
 * {@code ./tickstock bench quick|e2e} ({@link io.tickstock.bench.BenchCommand}) runs them: the launcher puts this
 * module beside the CLI and the CLI finds the command through {@link io.tickstock.cli.CommandExtension}, so the CLI
 * itself carries neither JMH nor ta4j.
 */
@NullMarked
package io.tickstock.bench;

import org.jspecify.annotations.NullMarked;
