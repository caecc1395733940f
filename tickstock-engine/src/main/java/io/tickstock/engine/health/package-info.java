/** Health: real measurements of throughput, lag and resources, classified by CONTRACT.md's thresholds. */
package io.tickstock.engine.health;
