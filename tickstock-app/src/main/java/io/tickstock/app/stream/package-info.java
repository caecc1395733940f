/**
 * From normalized events to browser frames: live state for late joiners, the streaming buffer (batching
 * and coalescing without losing patterns or alerts) and the WebSocket hub (a bounded outbox per client).
 */
@NullMarked
package io.tickstock.app.stream;

import org.jspecify.annotations.NullMarked;
