/**
 * The settings the demo web app and the command-line tool share: where the database is, which SMTP server
 * mail goes to, the server's secret key and the public base URL. Read from environment variables and
 * system properties, with defaults that need no setup (an H2 file database and the demo's embedded SMTP
 * inbox under {@code ./data/}).
 */
@NullMarked
package io.gatehouse.examples.config;

import org.jspecify.annotations.NullMarked;
