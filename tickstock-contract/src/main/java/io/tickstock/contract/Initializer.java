package io.tickstock.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that finishes constructing an object — a {@code start()} that opens connections and sets the
 * fields the constructor leaves unset — so that NullAway checks those fields as if the constructor had set them.
 * The other methods may be used only after it returned; {@code close()} still tolerates a start that failed half way.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Initializer {}
