/**
 * Authentication: {@link io.gatehouse.login.Authenticator} checks a login and password and starts a session,
 * answering with a {@link io.gatehouse.login.LoginResult} value. Every path that does not end in a lockout
 * costs exactly one password hash, so response time does not reveal whether an account exists.
 */
@NullMarked
package io.gatehouse.login;

import org.jspecify.annotations.NullMarked;
