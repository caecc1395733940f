/**
 * The integration contract between the TickStock engine (producer) and app (consumer):
 * Redis channel and key names ({@link io.tickstock.contract.Channels}, {@link io.tickstock.contract.RedisKeys}),
 * the canonical event records ({@link io.tickstock.contract.Events}), the JSON codec
 * ({@link io.tickstock.contract.Json}) and one JSON Schema per message under
 * {@code io/tickstock/contract/schemas/}. Source: the integration contract, as docs/contract-additions.md extends it.
 */
@NullMarked
package io.tickstock.contract;

import org.jspecify.annotations.NullMarked;
