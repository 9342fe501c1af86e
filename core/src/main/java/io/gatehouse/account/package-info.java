/**
 * Account flows on top of the stores. {@link io.gatehouse.account.Accounts}: creating users, self-service profile
 * updates that can never touch privileges, administrative flag changes, password change (which keeps the
 * current session and ends the others) and account deletion. The flows that mail a link —
 * {@link io.gatehouse.account.SignUp}, {@link io.gatehouse.account.EmailVerification},
 * {@link io.gatehouse.account.PasswordReset} and {@link io.gatehouse.account.EmailChange} — queue their mail in
 * the outbox in the same unit of work as the state change, build links only from the configured
 * {@link io.gatehouse.account.AccountFlowSettings}, and answer with sealed result types rather than exceptions.
 */
@NullMarked
package io.gatehouse.account;

import org.jspecify.annotations.NullMarked;
