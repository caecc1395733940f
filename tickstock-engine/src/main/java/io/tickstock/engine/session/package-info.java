/** Streaming sessions: their identity, lifecycle and running totals. */
package io.tickstock.engine.session;
