/**
 * Market feeds: where trades come from — LEAN tick zips and Massive flat files for replay, the Massive WebSocket
 * (with its condition reference over REST), seeded synthetic universes and clones of recorded days. Feeds decode,
 * check against the contract's limits and order {@link io.tickstock.engine.trades.Trade}s; they never build bars.
 */
@NullMarked
package io.tickstock.engine.feed;

import org.jspecify.annotations.NullMarked;
