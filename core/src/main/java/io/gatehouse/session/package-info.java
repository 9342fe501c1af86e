/**
 * Server-side sessions. A session id is 256 random bits that travel only in the client's cookie; the
 * {@link io.gatehouse.session.SessionStore} keeps SHA-256 of it, so a leaked table holds no usable session.
 * Each session carries an HMAC of its user's password hash, so a password change ends every other session.
 * {@link io.gatehouse.session.SessionManager} is the service applications call; it loads a request's session,
 * user and permissions through one {@link io.gatehouse.session.SessionSubjectLookup} call.
 */
@NullMarked
package io.gatehouse.session;

import org.jspecify.annotations.NullMarked;
