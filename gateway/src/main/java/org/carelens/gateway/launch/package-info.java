/**
 * Verifies launch tokens from trusted clinical systems (RFC 8725) and turns them into a launch
 * context.
 */
@NullMarked
package org.carelens.gateway.launch;

import org.jspecify.annotations.NullMarked;
