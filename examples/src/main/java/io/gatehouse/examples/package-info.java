/**
 * Runnable examples whose wiring applications copy. {@link io.gatehouse.examples.QuickStart} is the README's
 * quick start, compiled and run by a test so the README cannot go stale.
 */
@NullMarked
package io.gatehouse.examples;

import org.jspecify.annotations.NullMarked;
