/**
 * Events: what happened to an account (logged in, login failed, password changed...), delivered to the
 * {@link io.gatehouse.event.AuthEventListener}s an application registers, for audit logs and alerts. No
 * event carries a password, a hash, a token or a session id.
 */
@NullMarked
package io.gatehouse.event;

import org.jspecify.annotations.NullMarked;
