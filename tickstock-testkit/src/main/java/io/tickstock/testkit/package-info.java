/**
 * Test fixtures, shipped as their own artifact so that neither the engine nor the app carries them: a local
 * Massive stocks WebSocket replaying recorded trades ({@link io.tickstock.testkit.FakeMassiveServer}, behind
 * {@code tickstock fake-massive} and {@code tickstock demo --feed massive}), seeded hostile Redis messages
 * ({@link io.tickstock.testkit.HostileMessages}, behind {@code tickstock fuzz}), a WebSocket client that scans
 * frames for latency and counts ({@link io.tickstock.testkit.ScanningClient}, the benchmarks' browsers) and an HTTP
 * client of the app ({@link io.tickstock.testkit.AppHttp}).
 */
@NullMarked
package io.tickstock.testkit;

import org.jspecify.annotations.NullMarked;
