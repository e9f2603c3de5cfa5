/**
 * A simulated primary clinical system (an out-of-hours system) that launches Carelens in context:
 * it signs short-lived RS256 launch JWTs with GP Connect's claim set, publishes its public key as a
 * JWKS, and shows a case list whose buttons hand a token to the portal.
 */
@NullMarked
package org.carelens.simulators.launcher;

import org.jspecify.annotations.NullMarked;
