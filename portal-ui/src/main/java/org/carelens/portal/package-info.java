/**
 * The Carelens portal process: an embedded Jetty 12 server running the Vaadin UI in production
 * mode, with a Micronaut context (no HTTP server) for the gateway client. Start it with {@link
 * org.carelens.portal.PortalMain} or, from tests, {@link org.carelens.portal.PortalServer#start}.
 */
@NullMarked
package org.carelens.portal;

import org.jspecify.annotations.NullMarked;
