/**
 * Runnable examples whose wiring applications copy. {@link io.gatehouse.examples.QuickStart} is the README's
 * quick start and {@link io.gatehouse.examples.AppWiring} its "Add Gatehouse to your app" section, each compiled
 * and run by a test so the README cannot go stale. The demo web app and the command-line tool live in the
 * {@code demo} and {@code cli} packages.
 */
@NullMarked
package io.gatehouse.examples;

import org.jspecify.annotations.NullMarked;
