/**
 * Account flows on top of the stores: creating users with a checked password, self-service profile
 * updates that can never touch privileges, administrative flag changes, password change (which keeps the
 * current session and ends the others) and account deletion (which ends every session).
 */
@NullMarked
package io.gatehouse.account;

import org.jspecify.annotations.NullMarked;
