/**
 * Guards: the framework-neutral decision behind {@code login_required}, {@code permission_required} and
 * {@code staff_member_required}. A {@link io.gatehouse.guard.Guard} looks at a
 * {@link io.gatehouse.permission.Subject} and the requested path and answers a
 * {@link io.gatehouse.guard.GuardDecision}; a web layer (the servlet filters, or your own) turns the decision
 * into a response. {@link io.gatehouse.guard.LoginRedirects} builds the login location and judges the
 * {@code next} value on the way back, so that it never becomes an open redirect.
 */
@NullMarked
package io.gatehouse.guard;

import org.jspecify.annotations.NullMarked;
