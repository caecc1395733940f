/**
 * Streaming sessions: the NYSE calendar ({@link io.tickstock.engine.session.NyseCalendar}), when a live session
 * opens and closes ({@link io.tickstock.engine.session.SessionSchedule}), operator commands from Redis
 * ({@link io.tickstock.engine.session.SessionCommands}), and a session's identity and running totals.
 */
@NullMarked
package io.tickstock.engine.session;

import org.jspecify.annotations.NullMarked;
