/**
 * Brute-force protection: failed logins are counted per account and per client address in a
 * {@link io.gatehouse.throttle.ThrottleStore}, and past a {@link io.gatehouse.throttle.ThrottlePolicy}'s
 * limit further attempts are refused for an exponentially growing time. Keys are SHA-256 digests, so the
 * store holds no usernames or addresses in clear.
 */
@NullMarked
package io.gatehouse.throttle;

import org.jspecify.annotations.NullMarked;
