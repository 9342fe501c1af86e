/**
 * The demo web app: Gatehouse on embedded Jetty with the servlet filters, the JDBC store on an H2 file database,
 * account mail over SMTP to an embedded inbox, server-rendered pages in English and Korean, and an admin area
 * modelled on Django's. Start it with {@link io.gatehouse.examples.demo.DemoApp#main}; tests start it on
 * ephemeral ports with {@link io.gatehouse.examples.demo.DemoApp#start}.
 */
@NullMarked
package io.gatehouse.examples.demo;

import org.jspecify.annotations.NullMarked;
