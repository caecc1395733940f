/**
 * Bounded outboxes between the analytics and the I/O edges (Redis, PostgreSQL): never blocking, coalescing
 * superseded values when full, retrying failed batches in order.
 */
package io.tickstock.engine.outbox;
