/**
 * The command-line tool, Gatehouse's {@code manage.py}: {@code createsuperuser}, {@code changepassword},
 * {@code sendtestemail}, {@code clearsessions}, {@code migrate}, {@code hash-password} and {@code check-password},
 * configured like the demo through {@link io.gatehouse.examples.config.DemoSettings}. The entry point is
 * {@link io.gatehouse.examples.cli.GatehouseCli}; everything else here is package-private.
 */
@NullMarked
package io.gatehouse.examples.cli;

import org.jspecify.annotations.NullMarked;
