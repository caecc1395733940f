/** Bounded outboxes between the analytics and the I/O edges (Redis, PostgreSQL). */
package io.tickstock.engine.outbox;
