/**
 * Server secrets and the MACs made with them. A {@link io.gatehouse.crypto.SecretKeyRing} holds the current
 * secret plus older ones still accepted while keys rotate; it signs with the current secret and verifies
 * against all of them, always bound to a purpose string so a MAC made for one use never passes for another.
 */
@NullMarked
package io.gatehouse.crypto;

import org.jspecify.annotations.NullMarked;
