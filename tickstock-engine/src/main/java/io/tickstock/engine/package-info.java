/**
 * The engine's parts by concept, wired by {@link io.tickstock.engine.Engine} from an
 * {@link io.tickstock.engine.EngineConfig}: {@link io.tickstock.engine.ReplayRunner} (recorded trades on a replay
 * clock), {@link io.tickstock.engine.LiveRunner} (the Massive WebSocket on the wall clock and the session schedule),
 * {@link io.tickstock.engine.SessionResumer} (a crashed session resumed from PostgreSQL),
 * {@link io.tickstock.engine.SessionLifecycle} (session start and end events and rows),
 * {@link io.tickstock.engine.Outputs} (Redis publisher, history writer, heartbeat, metrics) and
 * {@link io.tickstock.engine.HealthIssues} (what the health event says is wrong). The analytics live in the
 * packages below, by market concept.
 */
@NullMarked
package io.tickstock.engine;

import org.jspecify.annotations.NullMarked;
