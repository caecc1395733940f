/**
 * Redis at the app's edge: subscribes to every channel of the contract and reads canonical and Phase 5
 * message shapes into one normalized form; unreadable messages are counted, logged and exposed.
 */
@NullMarked
package io.tickstock.app.subscriber;

import org.jspecify.annotations.NullMarked;
