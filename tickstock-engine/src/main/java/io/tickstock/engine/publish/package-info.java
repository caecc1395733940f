/**
 * Redis at the engine's edge: the contract events built from analytics results
 * ({@link io.tickstock.engine.publish.EventEmitter}) and a pipelined, bounded publisher
 * ({@link io.tickstock.engine.publish.RedisPublisher}).
 */
@NullMarked
package io.tickstock.engine.publish;

import org.jspecify.annotations.NullMarked;
