/**
 * A CIS2-like OpenID Connect provider for users who sign in to Carelens rather than being launched
 * in context: discovery, JWKS, a login page listing the simulated personas, and an authorization
 * code + PKCE token endpoint issuing ID tokens with CIS2-style claims. Served on the launcher's
 * port.
 */
@NullMarked
package org.carelens.simulators.identity;

import org.jspecify.annotations.NullMarked;
