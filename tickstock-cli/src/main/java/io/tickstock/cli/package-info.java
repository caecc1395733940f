/**
 * The {@code tickstock} command (picocli): {@code demo}, {@code engine}, {@code app}, and the embedded
 * Redis and PostgreSQL used when {@code TICKSTOCK_REDIS_URL} / {@code TICKSTOCK_DATABASE_URL} are unset.
 */
@NullMarked
package io.tickstock.cli;

import org.jspecify.annotations.NullMarked;
