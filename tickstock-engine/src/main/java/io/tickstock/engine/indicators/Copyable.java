package io.tickstock.engine.indicators;

/**
 * Base of every stateful indicator part: a field-by-field copy that subclasses complete by copying their
 * arrays and helper objects, so a checkpoint of a symbol's indicators costs a few hundred bytes of copying
 * (bar corrections replay from such checkpoints).
 */
abstract class Copyable implements Cloneable {
    @SuppressWarnings("unchecked")
    final <T> T shallowCopy() {
        try {
            return (T) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
