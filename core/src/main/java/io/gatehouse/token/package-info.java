/**
 * One-time links: password reset, email verification and email change (Django's
 * {@code PasswordResetTokenGenerator} and {@code urlsafe_base64_encode(pk)}). A
 * {@link io.gatehouse.token.TokenGenerator} makes and checks HMAC tokens bound to a
 * {@link io.gatehouse.token.TokenPurpose}, a user and the user state that using the token changes, so each
 * token works once and then never again. {@link io.gatehouse.token.UserIdCodec} puts the user id in the link.
 */
@NullMarked
package io.gatehouse.token;

import org.jspecify.annotations.NullMarked;
