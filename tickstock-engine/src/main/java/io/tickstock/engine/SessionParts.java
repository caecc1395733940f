package io.tickstock.engine;

import io.tickstock.engine.health.EngineStats;
import io.tickstock.engine.publish.EventEmitter;
import io.tickstock.engine.session.SessionCommands;
import java.util.function.LongSupplier;

/**
 * What a session runner ({@link ReplayRunner}, {@link LiveRunner}) works with, wired once by {@link Engine}.
 *
 * @param clock wall clock, epoch ms
 */
record SessionParts(
        EngineConfig config,
        EventEmitter emitter,
        EngineStats stats,
        SessionCommands commands,
        SessionResumer resumer,
        SessionLifecycle sessions,
        Outputs outputs,
        LongSupplier clock) {}
