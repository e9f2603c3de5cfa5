/**
 * Verifies launch tokens from the trusted launching systems listed in the issuer registry (RFC
 * 8725), each with its own keys and the organisations and roles it may assert, and turns them into
 * a launch context. Every refusal names the check that made it ({@link
 * org.carelens.gateway.launch.LaunchRefusal}).
 */
@NullMarked
package org.carelens.gateway.launch;

import org.jspecify.annotations.NullMarked;
