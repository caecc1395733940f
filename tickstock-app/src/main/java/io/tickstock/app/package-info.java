/**
 * The TickStock dashboard app (consumer): Redis subscriber → streaming buffer → WebSocket hub → browser,
 * plus the REST history API and login. It never calls the engine: it reads Redis and PostgreSQL only.
 */
@NullMarked
package io.tickstock.app;

import org.jspecify.annotations.NullMarked;
