package io.tickstock.engine.indicators;

/**
 * Base of every stateful indicator part: a field-by-field copy that subclasses complete by copying their
 * arrays and helper objects, so a checkpoint of a symbol's indicators costs a few hundred bytes of copying
 * (bar corrections replay from such checkpoints).
 */
abstract class Copyable implements Cloneable {
    /** A field-by-field copy of this object (its arrays still shared: the caller copies those it mutates). */
    final Object shallowCopy() {
        try {
            return super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
