/**
 * Gatehouse for servlet containers: what Django's session, authentication and CSRF middleware,
 * {@code login_required} and {@code permission_required} give a Django project. {@link
 * io.gatehouse.servlet.ServletAuth} builds the filters (authentication, guards, CSRF) and the helpers a login,
 * logout or password-change servlet calls; {@link io.gatehouse.servlet.GuardRules} maps URL patterns to guards
 * and {@link io.gatehouse.servlet.CookiePolicy} says how the cookies are named and flagged. Behind the
 * authentication filter the servlet API's own {@code getUserPrincipal()}, {@code getRemoteUser()} and
 * {@code isUserInRole(...)} answer from the Gatehouse subject.
 */
@NullMarked
package io.gatehouse.servlet;

import org.jspecify.annotations.NullMarked;
