/** PostgreSQL at the engine's edge: schema migrations (Flyway) and batched, idempotent history writes. */
package io.tickstock.engine.store;
