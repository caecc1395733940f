/**
 * Market feeds: where trades come from (LEAN tick files for replay; Massive WebSocket and flat files
 * later). Feeds decode and order trades; they never build bars.
 */
package io.tickstock.engine.feed;
