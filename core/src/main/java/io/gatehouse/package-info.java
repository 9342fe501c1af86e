/**
 * Gatehouse: authentication and authorization for any Java application.
 *
 * <p>{@link io.gatehouse.Gatehouse} is the entry point: build one from the stores, a secret key ring and a
 * clock, then use the services that hang off it. Every type in this library is non-null unless marked
 * otherwise.
 */
@NullMarked
package io.gatehouse;

import org.jspecify.annotations.NullMarked;
