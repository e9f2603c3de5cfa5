/**
 * Simulated clinical systems that launch Carelens in context (an out-of-hours system and a
 * community pharmacy system), each with its own issuer and signing key: each signs short-lived
 * RS256 launch JWTs with GP Connect's claim set, publishes its public key as a JWKS, and shows a
 * case list whose buttons hand a token to the portal.
 */
@NullMarked
package org.carelens.simulators.launcher;

import org.jspecify.annotations.NullMarked;
