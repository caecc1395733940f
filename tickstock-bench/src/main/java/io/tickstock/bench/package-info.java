/**
 * Benchmarks: JMH benchmarks of the engine's hot paths and the end-to-end load harness. Empty in the
 * walking skeleton; the performance issue fills it.
 */
package io.tickstock.bench;
