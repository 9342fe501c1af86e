/**
 * Gatehouse for servlet containers: what Django's session and authentication middleware,
 * {@code login_required} and {@code permission_required} give a Django project.
 */
@NullMarked
package io.gatehouse.servlet;

import org.jspecify.annotations.NullMarked;
