/**
 * JMH benchmarks that measure Gatehouse and a peer doing the same work on the same data in the same run, so
 * that the ratio between them means something even on a noisy machine.
 *
 * <p>One class per row of {@code docs/PERFORMANCE.md}: a Gatehouse method and its peers' methods side by side.
 * Each class has a test that runs its setup and each benchmark method once and checks the answer, so a benchmark
 * never measures broken code. Run them with {@code benchmarks/run.sh}, never from a unit test.
 */
@NullMarked
package io.gatehouse.bench;

import org.jspecify.annotations.NullMarked;
