/**
 * PostgreSQL at the engine's edge: schema migrations (Flyway), history writes by COPY and idempotent merges
 * ({@link io.tickstock.engine.store.HistoryWriter}), the on-disk spool for outages, and reading an interrupted
 * session back for a restart ({@link io.tickstock.engine.store.SessionHistory}).
 */
@NullMarked
package io.tickstock.engine.store;

import org.jspecify.annotations.NullMarked;
